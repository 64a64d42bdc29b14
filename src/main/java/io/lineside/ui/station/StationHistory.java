package io.lineside.ui.station;

import io.lineside.history.HistoryQuery;
import io.lineside.history.TextSample;
import io.lineside.history.TrendBucket;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The history a faceplate reads: down-sampled numeric trends and state changes. Called off the FX thread. */
public interface StationHistory {

    List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception;

    /** State changes (and silences longer than {@code silence}, as text-less STALE samples), oldest first. */
    List<TextSample> states(TagPath path, Instant from, Instant to, Duration silence) throws Exception;

    /** Reads the history database. */
    static StationHistory of(HistoryQuery query) {
        return new StationHistory() {
            @Override
            public List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception {
                return query.trend(path, from, to, buckets);
            }

            @Override
            public List<TextSample> states(TagPath path, Instant from, Instant to, Duration silence)
                    throws Exception {
                return query.textChanges(path, from, to, silence);
            }
        };
    }
}
