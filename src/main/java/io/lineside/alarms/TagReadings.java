package io.lineside.alarms;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the alarm conditions may look at: the latest value of each tag, the good value before it (for rate of change)
 * and when data last arrived (for no-data). Confined to the engine's evaluator thread.
 */
public final class TagReadings {

    private final Map<TagPath, TagValue> latest = new HashMap<>();
    private final Map<TagPath, TagValue> previousGood = new HashMap<>();
    private final Map<TagPath, Instant> lastData = new HashMap<>();
    private final Instant start;

    /** @param start when evaluation began: a tag never heard of counts as silent since then */
    public TagReadings(Instant start) {
        this.start = start;
    }

    /** Records {@code value} for {@code path}. */
    public void put(TagPath path, TagValue value) {
        TagValue before = latest.put(path, value);
        if (value.quality() == Quality.GOOD && before != null && before.quality() == Quality.GOOD) {
            previousGood.put(path, before);
        } else if (value.quality() == Quality.GOOD) {
            previousGood.remove(path); // a rate across a gap of bad data would be invented
        }
        if (value.quality() == Quality.GOOD || value.quality() == Quality.UNCERTAIN) {
            lastData.put(path, value.receiveTime());
        }
    }

    /** The latest value of {@code path}, or null if none arrived. */
    public TagValue latest(TagPath path) {
        return latest.get(path);
    }

    /** The good value received just before the latest, when the latest is good too; otherwise null. */
    public TagValue previousGood(TagPath path) {
        return previousGood.get(path);
    }

    /** When usable data for {@code path} last arrived, or the start of evaluation if it never did. */
    public Instant lastData(TagPath path) {
        return lastData.getOrDefault(path, start);
    }
}
