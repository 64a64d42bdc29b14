package io.lineside.ui.station;

import io.lineside.history.HistoryQuery;
import io.lineside.history.TrendBucket;
import io.lineside.shifts.StateSpan;
import io.lineside.shifts.StateTimeline;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The history a faceplate reads: down-sampled numeric trends and state timelines. Called off the FX thread. */
public interface StationHistory {

    /** Samples a timeline reads at most, as the shift review does. */
    int SAMPLE_LIMIT = 100_000;

    List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception;

    /**
     * The state over {@code [from, to)} by the one gap rule of the shift review and OEE ({@link StateTimeline}): a
     * sample holds for {@code hold} at most, gaps history recorded are UNKNOWN, oldest first, covering the range.
     */
    List<StateSpan> states(TagPath path, Instant from, Instant to, Duration hold) throws Exception;

    /** Reads the history database. */
    static StationHistory of(HistoryQuery query) {
        return new StationHistory() {
            @Override
            public List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws Exception {
                return query.trend(path, from, to, buckets);
            }

            @Override
            public List<StateSpan> states(TagPath path, Instant from, Instant to, Duration hold) throws Exception {
                return StateTimeline.build(query.lastBefore(path, from).orElse(null),
                        query.samples(path, from, to, SAMPLE_LIMIT), from, to, hold, query.gaps(path, from, to),
                        List.of());
            }
        };
    }
}
