package io.lineside.telemetry;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How an MQTT callback hands a message to its decoder queue: at once when there is room, else waiting at most a
 * bounded time (backpressure, decision 0007), then dropping and counting it. Never throws.
 */
public final class HandOff {

    private HandOff() {
    }

    /** @return true if {@code item} was queued; false if it was dropped (counted as a full queue) */
    public static <T> boolean offer(BlockingQueue<T> queue, T item, long waitNanos, IngestDiagnostics diagnostics) {
        try {
            if (queue.offer(item) || (waitNanos > 0 && queue.offer(item, waitNanos, TimeUnit.NANOSECONDS))) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Paho is shutting the callback down: the message was not taken
        }
        diagnostics.queueFull();
        return false;
    }
}
