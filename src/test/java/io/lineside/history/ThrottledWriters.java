package io.lineside.history;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** History writers on a slow disk, for tests outside this package: each row costs a fixed time while throttled. */
public final class ThrottledWriters {

    private ThrottledWriters() {
    }

    /**
     * A writer whose batches take {@code perRow} per row while {@code throttled} is true (a disk that can store
     * {@code 1 s / perRow} rows a second), and run at full speed after.
     */
    public static HistoryWriter open(HistoryDatabase db, int capacity, Duration perRow, BooleanSupplier throttled) {
        return new HistoryWriter(db, capacity, Duration.ofMillis(10), (batch, attempt) -> {
            if (throttled.getAsBoolean()) {
                try {
                    Thread.sleep(perRow.multipliedBy(Math.max(1, batch.size())));
                } catch (InterruptedException e) {
                    // not re-asserted: an interrupted writer thread makes H2 close its file channel
                }
            }
        });
    }
}
