package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Would have fired N times in the last shift": one definition run over its inputs' recorded samples by a private
 * {@link AlarmEngine} (the same conditions, deadband and on-/off-delays as live), counting its activations. The
 * engine's one-second tick is stood in for by a tick just before each sample and one at the end, so a delay that
 * elapsed between two samples counts as it would have live. Nobody acknowledges in a preview. Stateless; blocks on
 * the history it reads.
 */
public final class AlarmPreview {

    /** The last shift when the calendar names none. */
    public static final Duration WINDOW = Duration.ofHours(8);
    /** At most this many samples per input are replayed; more and the count is a lower bound. */
    public static final int MAX_SAMPLES = 200_000;

    /** Recorded samples of one tag with source time in {@code [from, to)}, oldest first (the history query). */
    @FunctionalInterface
    public interface Samples {
        List<TagValue> samples(TagPath tag, Instant from, Instant to, int limit) throws Exception;
    }

    /**
     * @param fired     activations in the window
     * @param samples   samples replayed
     * @param truncated some input had more than {@link #MAX_SAMPLES}: {@code fired} is at least this
     */
    public record Result(int fired, int samples, boolean truncated) {
    }

    private AlarmPreview() {
    }

    /** Counts how often {@code definition} would have activated on the samples of {@code [from, to)}. */
    public static Result count(AlarmDefinition definition, Samples history, Instant from, Instant to) throws Exception {
        Set<TagPath> inputs = new LinkedHashSet<>();
        inputs.add(definition.tag());
        inputs.addAll(definition.condition().otherInputs());
        definition.suppressWhen().ifPresent(s -> inputs.add(s.tag()));
        List<TagUpdate> updates = new ArrayList<>();
        boolean truncated = false;
        for (TagPath tag : inputs) {
            List<TagValue> values = history.samples(tag, from, to, MAX_SAMPLES);
            truncated |= values.size() >= MAX_SAMPLES;
            values.forEach(v -> updates.add(new TagUpdate(tag, v)));
        }
        updates.sort(Comparator.comparing((TagUpdate u) -> u.value().sourceTime()));
        AtomicInteger fired = new AtomicInteger();
        AlarmJournal counting = new CountingJournal(e -> {
            if (e.trigger() == AlarmTrigger.ACTIVATE && e.from() != e.to()) {
                fired.incrementAndGet();
            }
        });
        AlarmEngine engine = new AlarmEngine(List.of(definition), counting, Clock.fixed(from, ZoneOffset.UTC));
        Instant ticked = from;
        for (TagUpdate u : updates) {
            Instant at = u.value().sourceTime();
            Instant justBefore = at.minusMillis(1);
            if (justBefore.isAfter(ticked)) {
                engine.tick(justBefore);
                ticked = justBefore;
            }
            engine.onUpdate(u, at);
        }
        engine.tick(to);
        return new Result(fired.get(), updates.size(), truncated);
    }

    /** A journal that keeps nothing: each event goes to {@code sink}. */
    private record CountingJournal(java.util.function.Consumer<AlarmEvent> sink) implements AlarmJournal {
        @Override
        public void append(AlarmEvent event) {
            sink.accept(event);
        }

        @Override
        public List<AlarmEvent> query(JournalFilter filter) {
            return List.of();
        }

        @Override
        public long failures() {
            return 0;
        }

        @Override
        public int pending() {
            return 0;
        }

        @Override
        public long lost() {
            return 0;
        }
    }
}
