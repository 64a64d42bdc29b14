package io.lineside.shifts;

import io.lineside.tags.StationState;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time a station spent in one state; {@link StationState#UNKNOWN} where history cannot tell.
 *
 * @param reason why the station was down, from its {@code reason} signal; empty when none was sent
 */
public record StateSpan(StationState state, Instant from, Instant to, String reason) {

    public Duration length() {
        return Duration.between(from, to);
    }
}
