package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;

/**
 * The value changes by at least {@code limitPerSecond} engineering units per second (either direction), measured
 * between the last two GOOD samples by their source times.
 *
 * @param deadband in engineering units per second, {@code >= 0}
 */
public record RateOfChangeCondition(double limitPerSecond, double deadband) implements AlarmCondition {

    @Override
    public Result evaluate(TagPath tag, TagReadings readings, boolean active, Instant now) {
        TagValue latest = AlarmCondition.good(readings.latest(tag));
        if (latest == null || Double.isNaN(latest.number())) {
            return Result.UNKNOWN;
        }
        TagValue before = readings.previousGood(tag);
        if (before == null || Double.isNaN(before.number())
                || !latest.sourceTime().isAfter(before.sourceTime())) {
            return Result.of(active); // no rate yet (first sample or same timestamp): nothing new to say
        }
        double seconds = Duration.between(before.sourceTime(), latest.sourceTime()).toNanos() / 1e9;
        double rate = Math.abs(latest.number() - before.number()) / seconds;
        return Result.of(AlarmCondition.beyond(rate, limitPerSecond, deadband, true, active));
    }
}
