package io.lineside.alarms;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the alarm views may ask of the alarm engine; each call is permission-checked and audited by the
 * implementation before the engine runs it. Safe from any thread; the futures complete on the alarm evaluator
 * thread, never on the FX thread, and never exceptionally: a refusal is part of the {@link Outcome}.
 */
public interface AlarmActions {

    /**
     * What came of one command.
     *
     * @param done     how many alarms it changed
     * @param problems one precise operator message per alarm it did not change (refused, failed or not applicable)
     */
    record Outcome(int done, List<String> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Acknowledges (resets, for latched ones) each alarm with the same note. */
    CompletableFuture<Outcome> acknowledge(List<String> alarmIds, String note);

    /**
     * Shelves one alarm for {@code duration} (at most its definition's maximum) with a reason. A one-shot shelve also
     * ends as soon as the condition returns to normal (ISA-18.2), so the next occurrence alarms again.
     */
    CompletableFuture<Outcome> shelve(String alarmId, Duration duration, boolean oneShot, String reason);

    /** Ends a shelve early; the alarm comes back unacknowledged if its condition is still active. */
    CompletableFuture<Outcome> unshelve(String alarmId, String note);

    /**
     * Adds the operator's comment to one alarm in any state (acknowledged or not): journalled with the user and the
     * time, changing nothing else. This default refuses: a view that cannot journal has no comments.
     */
    default CompletableFuture<Outcome> comment(String alarmId, String text) {
        return CompletableFuture.completedFuture(new Outcome(0, List.of("Comments cannot be added here.")));
    }
}
