package io.lineside.history;

import io.lineside.tags.Quality;
import java.time.Instant;

/**
 * Running M4 statistics of numeric samples (a trend bucket, or a minute/hour rollup), with the rules of
 * {@link TrendBucket}: {@code n} counts every quality, everything else only GOOD samples; first/last are the GOOD
 * values with the earliest/latest (source time, seq). Parts may be added in any order; a rollup part covers a time
 * range no other part of the same bucket touches, so its first/last compare by time alone. Not thread-safe.
 */
final class BucketStats {

    private static final int GOOD = Quality.GOOD.ordinal();
    private static final Quality[] QUALITIES = Quality.values();

    long n;
    long good;
    int worst;
    double lo = Double.NaN;
    double hi = Double.NaN;
    double sum;
    long firstTs = Long.MAX_VALUE;
    long firstSeq;
    double first = Double.NaN;
    long lastTs = Long.MIN_VALUE;
    long lastSeq;
    double last = Double.NaN;

    /** Adds one numeric sample. */
    void add(long ts, long seq, double value, int quality) {
        n++;
        worst = Math.max(worst, quality);
        if (quality != GOOD) {
            return;
        }
        good++;
        sum += value;
        lo = good == 1 ? value : Math.min(lo, value);
        hi = good == 1 ? value : Math.max(hi, value);
        if (ts < firstTs || (ts == firstTs && seq < firstSeq)) {
            firstTs = ts;
            firstSeq = seq;
            first = value;
        }
        if (ts > lastTs || (ts == lastTs && seq > lastSeq)) {
            lastTs = ts;
            lastSeq = seq;
            last = value;
        }
    }

    /** Adds a whole rollup (a minute or an hour that lies inside this bucket). */
    void add(BucketStats part) {
        n += part.n;
        worst = Math.max(worst, part.worst);
        if (part.good == 0) {
            return;
        }
        lo = good == 0 ? part.lo : Math.min(lo, part.lo);
        hi = good == 0 ? part.hi : Math.max(hi, part.hi);
        good += part.good;
        sum += part.sum;
        if (part.firstTs < firstTs) {
            firstTs = part.firstTs;
            firstSeq = part.firstSeq;
            first = part.first;
        }
        if (part.lastTs > lastTs) {
            lastTs = part.lastTs;
            lastSeq = part.lastSeq;
            last = part.last;
        }
    }

    TrendBucket toBucket(Instant start, Instant end) {
        return new TrendBucket(start, end, lo, hi, first, last, n, good, QUALITIES[worst]);
    }
}
