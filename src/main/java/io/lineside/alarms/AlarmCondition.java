package io.lineside.alarms;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.Set;

/**
 * One kind of alarm condition, evaluated on the alarm's own tag. Implementations are immutable records.
 *
 * <p>An input that is not GOOD (BAD, STALE, or UNCERTAIN) gives {@link Result#UNKNOWN}: the alarm then neither raises
 * nor clears, it holds and shows "uncertain". Deadbands keep an active alarm active until the value is back inside the
 * limit by more than the deadband, so a value hovering at the limit does not chatter.
 */
public sealed interface AlarmCondition
        permits LimitCondition, DiscreteCondition, DeviationCondition, RateOfChangeCondition, NoDataCondition {

    /** The outcome of one evaluation. */
    enum Result {
        ACTIVE, INACTIVE, UNKNOWN;

        static Result of(boolean active) {
            return active ? ACTIVE : INACTIVE;
        }
    }

    /**
     * Evaluates the condition on {@code tag}.
     *
     * @param active whether the alarm's condition is active now (for the deadband)
     */
    Result evaluate(TagPath tag, TagReadings readings, boolean active, Instant now);

    /** Tags other than the alarm's own that this condition reads (a setpoint); their updates re-evaluate it. */
    default Set<TagPath> otherInputs() {
        return Set.of();
    }

    /** The latest value if it is GOOD, else null. */
    static TagValue good(TagValue value) {
        return value != null && value.quality() == Quality.GOOD ? value : null;
    }

    /** "Above the limit, or (when active) not yet back below it by the deadband". */
    static boolean beyond(double value, double limit, double deadband, boolean high, boolean active) {
        if (high) {
            return active ? value > limit - deadband : value >= limit;
        }
        return active ? value < limit + deadband : value <= limit;
    }
}
