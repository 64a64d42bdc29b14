package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.time.Instant;
import java.util.Collection;

/** Where the Sparkplug host puts what it decoded. Called on the host's decoder thread; must not block for long. */
public interface SparkplugSink {

    /** A live value (GOOD, or BAD with no value): the latest-value store and history. */
    void live(TagUpdate update);

    /** An {@code is_historical} value: history only; the live value is left alone. */
    void historical(TagUpdate update);

    /** The publisher of these tags is dead: show their last values as STALE, stamped {@code at} (receive time). */
    void stale(Collection<TagPath> paths, Instant at);

    /**
     * Telemetry of {@code gap.path()} known to be missing: a seq gap given up, or data the host could not store (no
     * birth, an undeclared alias, our link down). Called just before the update that revealed it, if any. Ignored
     * unless overridden.
     */
    default void gap(TagGap gap) {
    }

    /**
     * A birth's metric declared its unit, engineering range or description (its property set): called before the
     * metric's first value of that birth. Ignored unless overridden.
     */
    default void describe(TagPath path, io.lineside.tags.TagMeta meta) {
    }
}
