package io.lineside.telemetry.sparkplug;

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
}
