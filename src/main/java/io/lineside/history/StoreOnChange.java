package io.lineside.history;

import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Store-on-change: decides per tag whether an update is worth a stored sample. A sample is stored when its quality
 * or kind changed, when a number moved more than {@code deadband} from the last <em>stored</em> one (so slow drift
 * still gets stored), when text changed, when {@code maxInterval} passed since the last stored sample (so a flat
 * value still has rows and a trend never looks like a gap), or when it is not newer than the last stored one (a
 * late or redelivered sample is never judged against newer data), and always when it is BAD (each refused message
 * leaves its row). Deadband 0 stores every change and drops only
 * exact repeats. Writer thread only; a skipped update is still "written" for ack purposes (its marker runs after
 * the commit of its batch, in queue order).
 *
 * @see HistoryWriter#storeOnChange
 */
final class StoreOnChange {

    /** The station defaults: every change, and a row at least each minute. */
    static final Settings DEFAULT = new Settings(0, Duration.ofSeconds(60));

    /**
     * @param deadband    engineering units, {@code >= 0}
     * @param maxInterval longest time between stored samples of one tag, positive
     */
    public record Settings(double deadband, Duration maxInterval) {
        public Settings {
            Objects.requireNonNull(maxInterval, "maxInterval");
            if (!(deadband >= 0) || Double.isInfinite(deadband) || !maxInterval.isPositive()) {
                throw new IllegalArgumentException("need a finite deadband >= 0 and a positive max interval, got "
                        + deadband + ", " + maxInterval);
            }
        }
    }

    private final Map<TagPath, TagValue> lastStored = new HashMap<>();
    private volatile Function<TagPath, TagMeta> meta = path -> TagMeta.NONE; // a tag's own deadband, if any
    private volatile Settings settings; // null: store every update; set from any thread
    private volatile long skipped; // written by the writer thread only

    /** Where a tag's own deadband comes from (its {@link TagMeta}); the settings' deadband applies to the rest. */
    void meta(Function<TagPath, TagMeta> tagMeta) {
        meta = tagMeta;
    }

    /** Applies {@code newSettings}; null stores every update. */
    void settings(Settings newSettings) {
        settings = newSettings;
    }

    long skipped() {
        return skipped;
    }

    /** True if {@code value} of {@code path} is to be stored (and then remembered as its last stored sample). */
    boolean store(TagPath path, TagValue value) {
        if (settings == null) {
            return true;
        }
        TagValue last = lastStored.get(path);
        if (last == null || changed(last, value, meta.apply(path).deadbandOr(settings.deadband()))) {
            lastStored.put(path, value);
            return true;
        }
        skipped++;
        return false;
    }

    /** Forgets the last stored samples (after a failed batch they may not be stored after all). */
    void reset() {
        lastStored.clear();
    }

    private boolean changed(TagValue last, TagValue value, double deadband) {
        long since = value.sourceTime().toEpochMilli() - last.sourceTime().toEpochMilli();
        // A BAD sample is a refused message (no value to compare): each one is a row, whether or not it came in the
        // same millisecond as the one before (RecorderSummaryIT counted 6 rows or 5 by the machine's speed).
        if (since <= 0 || since >= settings.maxInterval().toMillis() || value.quality() != last.quality()
                || value.quality() == io.lineside.tags.Quality.BAD) {
            return true;
        }
        Object a = last.value();
        Object b = value.value();
        if (a instanceof Double x && b instanceof Double y) {
            double delta = Math.abs(y - x);
            return deadband == 0 ? Double.compare(x, y) != 0 : !(delta <= deadband);
        }
        return !Objects.equals(a, b);
    }
}
