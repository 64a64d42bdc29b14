package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.TagGap;
import java.time.Instant;
import java.util.List;

/**
 * What a trend chart draws: per pen its down-sampled buckets over one window and its recorded gaps (telemetry
 * known to be missing, drawn as breaks), and the alarms of the pens' tags in that window (marks on the time axis).
 * Lists are parallel to {@code pens}. Immutable; any thread.
 */
public record TrendData(List<TrendPen> pens, TrendRange range, List<List<TrendBucket>> buckets,
                        List<List<TagGap>> gaps, List<TrendAlarmMark> alarms) {

    /** Without alarm marks. */
    public TrendData(List<TrendPen> pens, TrendRange range, List<List<TrendBucket>> buckets, List<List<TagGap>> gaps) {
        this(pens, range, buckets, gaps, List.of());
    }

    public TrendData {
        alarms = List.copyOf(alarms);
        pens = List.copyOf(pens);
        buckets = List.copyOf(buckets);
        gaps = List.copyOf(gaps);
        if (buckets.size() != pens.size() || gaps.size() != pens.size()) {
            throw new IllegalArgumentException("need one bucket list and one gap list per pen, got " + pens.size()
                    + " pens, " + buckets.size() + " bucket lists, " + gaps.size() + " gap lists");
        }
    }

    public Instant from() {
        return range.from();
    }

    public Instant to() {
        return range.to();
    }

    /** True when no pen has a bucket in the window. */
    public boolean isEmpty() {
        return buckets.stream().allMatch(List::isEmpty);
    }

    /** The unbroken runs of pen {@code pen}'s line; see {@link TrendSegments}. */
    public List<List<TrendSegments.Point>> segments(int pen) {
        return TrendSegments.split(buckets.get(pen), gaps.get(pen));
    }

    /** Pen {@code pen}'s bucket holding {@code t}, or null when it has none there (a gap or no samples). */
    public TrendBucket bucketAt(int pen, Instant t) {
        List<TrendBucket> list = buckets.get(pen);
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TrendBucket b = list.get(mid);
            if (t.isBefore(b.start())) {
                hi = mid - 1;
            } else if (!t.isBefore(b.end())) {
                lo = mid + 1;
            } else {
                return b;
            }
        }
        return null;
    }
}
