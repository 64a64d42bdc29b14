package io.lineside.ui.alarms;

import io.lineside.alarms.AlarmActions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Alarm commands that never complete: for views and pictures where the commands are not what is tested. */
public final class IdleAlarmActions implements AlarmActions {
    @Override
    public CompletableFuture<Outcome> acknowledge(List<String> ids, String note) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Outcome> shelve(String id, Duration d, boolean oneShot, String reason) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Outcome> unshelve(String id, String note) {
        return new CompletableFuture<>();
    }
}
