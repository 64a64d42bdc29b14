package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Instant;

/**
 * An absolute limit: HH and H are active at or above it, L and LL at or below it.
 *
 * @param deadband in engineering units, {@code >= 0}
 */
public record LimitCondition(Level level, double limit, double deadband) implements AlarmCondition {

    /** The four ISA limit levels, highest first. */
    public enum Level {
        HH, H, L, LL;

        boolean high() {
            return this == HH || this == H;
        }
    }

    @Override
    public Result evaluate(TagPath tag, TagReadings readings, boolean active, Instant now) {
        TagValue v = AlarmCondition.good(readings.latest(tag));
        if (v == null || Double.isNaN(v.number())) {
            return Result.UNKNOWN;
        }
        return Result.of(AlarmCondition.beyond(v.number(), limit, deadband, level.high(), active));
    }
}
