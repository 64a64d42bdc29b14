package io.lineside.telemetry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential with full jitter, never faster than the base (2 Hz for 0.5 s) and never
 * slower than the cap. Not thread-safe; owned by the connection supervisor.
 */
final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;
    private int attempt;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call widens the window up to the cap. */
    Duration next() {
        long window = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis(Math.max(baseMillis, random.nextLong(window + 1)));
    }

    /** A delay near the cap (between half of it and all of it), e.g. after the broker refused our login. */
    Duration longest() {
        attempt++;
        return Duration.ofMillis(capMillis / 2 + random.nextLong(capMillis / 2 + 1));
    }

    /** After a successful connection the next loss starts from the base again. */
    void reset() {
        attempt = 0;
    }
}
