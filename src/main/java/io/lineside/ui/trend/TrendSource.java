package io.lineside.ui.trend;

import io.lineside.history.HistoryQuery;
import io.lineside.history.TrendBucket;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.List;

/** Down-sampled history of one tag, and where it is known to be missing; called off the FX thread. */
@FunctionalInterface
public interface TrendSource {

    List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception;

    /** Gaps of {@code path} overlapping {@code [from, to)}; none unless the source records them. */
    default List<TagGap> gaps(TagPath path, Instant from, Instant to) throws Exception {
        return List.of();
    }

    /** Every tag with history (pen candidates); none unless the source lists them. */
    default List<TagPath> tags() throws Exception {
        return List.of();
    }

    /** Buckets and recorded gaps from the history database. */
    static TrendSource of(HistoryQuery query) {
        return new TrendSource() {
            @Override
            public List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception {
                return query.trend(path, from, to, buckets);
            }

            @Override
            public List<TagGap> gaps(TagPath path, Instant from, Instant to) throws Exception {
                return query.gaps(path, from, to);
            }

            @Override
            public List<TagPath> tags() throws Exception {
                return query.tags();
            }
        };
    }
}
