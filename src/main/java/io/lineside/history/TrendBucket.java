package io.lineside.history;

import io.lineside.tags.Quality;
import java.time.Instant;

/**
 * One time bucket of a down-sampled trend (M4: min, max, first, last), for drawing one pixel column.
 *
 * <p>Statistics use GOOD samples only, so {@code min}, {@code max}, {@code first} and {@code last} are NaN when the
 * bucket has none ({@code goodCount == 0}); {@code worst} still tells the chart to shade it.
 *
 * @param start     first instant of the bucket (inclusive)
 * @param end       end of the bucket (exclusive)
 * @param min       lowest GOOD value
 * @param max       highest GOOD value
 * @param first     GOOD value with the earliest source time (lowest seq on a tie)
 * @param last      GOOD value with the latest source time (highest seq on a tie)
 * @param count     numeric samples of any quality
 * @param goodCount GOOD numeric samples
 * @param worst     worst quality in the bucket, in enum order GOOD &lt; UNCERTAIN &lt; BAD &lt; STALE
 */
public record TrendBucket(Instant start, Instant end, double min, double max, double first, double last,
                          long count, long goodCount, Quality worst) {

    /** True when the bucket holds at least one GOOD value to draw. */
    public boolean hasGoodValues() {
        return goodCount > 0;
    }
}
