package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.Set;

/**
 * The value is at least {@code limit} away from the setpoint tag's value (either direction).
 *
 * @param deadband in engineering units, {@code >= 0}
 */
public record DeviationCondition(TagPath setpoint, double limit, double deadband) implements AlarmCondition {

    @Override
    public Result evaluate(TagPath tag, TagReadings readings, boolean active, Instant now) {
        TagValue pv = AlarmCondition.good(readings.latest(tag));
        TagValue sp = AlarmCondition.good(readings.latest(setpoint));
        if (pv == null || sp == null || Double.isNaN(pv.number()) || Double.isNaN(sp.number())) {
            return Result.UNKNOWN;
        }
        return Result.of(AlarmCondition.beyond(Math.abs(pv.number() - sp.number()), limit, deadband, true, active));
    }

    @Override
    public Set<TagPath> otherInputs() {
        return Set.of(setpoint);
    }
}
