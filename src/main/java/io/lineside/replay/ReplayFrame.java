package io.lineside.replay;

import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.ReplayedAlarm;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the live displays showed at one instant: each tag's value and quality (a tag not yet seen is absent), the
 * alarms with their states, and the banner's picture of them. Immutable.
 *
 * @param at     the replayed instant
 * @param values per tag, as the tag store held it then
 * @param alarms the alarms not NORMAL then, in the banner's order
 * @param banner the banner's and summary's snapshot then
 */
public record ReplayFrame(Instant at, Map<TagPath, TagValue> values, List<ReplayedAlarm> alarms, AlarmSnapshot banner) {

    public ReplayFrame {
        values = Map.copyOf(values);
        alarms = List.copyOf(alarms);
    }

    /** The tag's value then, or null before its first sample. */
    public TagValue value(TagPath path) {
        return values.get(path);
    }

    /** How old the tag's value was then (since it was received), or null before its first sample. */
    public Duration age(TagPath path) {
        TagValue v = values.get(path);
        return v == null ? null : Duration.between(v.receiveTime(), at);
    }
}
