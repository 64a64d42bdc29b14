package io.lineside.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts annunciations in a sliding window: more than {@link #THRESHOLD} within {@link #WINDOW} is an alarm flood
 * (EEMUA 191 / ISA-18.2). Confined to the engine's evaluator thread.
 */
final class FloodDetector {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int THRESHOLD = 10;

    private final Deque<Instant> recent = new ArrayDeque<>();

    void annunciated(Instant when) {
        recent.addLast(when);
    }

    /** Forgets annunciations older than the window and says whether the plant is in flood now. */
    boolean inFlood(Instant now) {
        Instant horizon = now.minus(WINDOW);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        return recent.size() > THRESHOLD;
    }

    /** Annunciations in the current window. */
    int count() {
        return recent.size();
    }
}
