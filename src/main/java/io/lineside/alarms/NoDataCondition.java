package io.lineside.alarms;

import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;

/**
 * No GOOD or UNCERTAIN update for the tag within {@code silence} (BAD and STALE updates are not data). Never UNKNOWN:
 * silence is exactly what this alarm is about. Re-evaluated on every engine tick.
 */
public record NoDataCondition(Duration silence) implements AlarmCondition {

    @Override
    public Result evaluate(TagPath tag, TagReadings readings, boolean active, Instant now) {
        return Result.of(Duration.between(readings.lastData(tag), now).compareTo(silence) > 0);
    }
}
