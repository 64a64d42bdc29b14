package io.lineside.ui.plant;

import io.lineside.history.HistoryQuery;
import io.lineside.shifts.CounterIncrease;
import io.lineside.tags.TagPath;
import java.time.Instant;

/** What a line tile's output counter already counted before the HMI saw it live. Called off the FX thread. */
@FunctionalInterface
public interface OutputHistory {

    /** Samples read at most for one counter (an 8 h shift at one sample a second is 28,800). */
    int SAMPLE_LIMIT = 100_000;

    /** Parts {@code counter} rose by over {@code [from, to)} in history, a reset counted on from zero. */
    long produced(TagPath counter, Instant from, Instant to) throws Exception;

    /** Reads the history database. */
    static OutputHistory of(HistoryQuery query) {
        return (counter, from, to) -> CounterIncrease.of(query.lastBefore(counter, from).orElse(null),
                query.samples(counter, from, to, SAMPLE_LIMIT));
    }
}
