package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.List;

/** Down-sampled history of one tag; called off the FX thread. */
@FunctionalInterface
public interface TrendSource {
    List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception;
}
