package io.lineside.alarms;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The alarm commands of a live viewer (decision 0008): its alarm engine runs on a scratch journal that is deleted
 * when it closes, so an acknowledgement or shelve here would be lost. Every command is refused with the reason.
 */
public final class ViewerAlarmActions implements AlarmActions {

    static final String WHY = "This HMI is a live viewer: the recorder on this station keeps the alarm journal,"
            + " so alarms cannot be acknowledged or shelved here.";

    @Override
    public CompletableFuture<Outcome> acknowledge(List<String> alarmIds, String note) {
        return refused();
    }

    @Override
    public CompletableFuture<Outcome> shelve(String alarmId, Duration duration, boolean oneShot, String reason) {
        return refused();
    }

    @Override
    public CompletableFuture<Outcome> unshelve(String alarmId, String note) {
        return refused();
    }

    @Override
    public CompletableFuture<Outcome> comment(String alarmId, String text) {
        return refused();
    }

    private static CompletableFuture<Outcome> refused() {
        return CompletableFuture.completedFuture(new Outcome(0, List.of(WHY)));
    }
}
