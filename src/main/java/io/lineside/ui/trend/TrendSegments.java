package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.TagGap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a trend into the runs a chart may connect with a line. A run ends at an empty bucket, at a bucket without
 * GOOD values, and at a recorded {@link TagGap}: buckets on both sides of a gap may hold values, but what lay
 * between was lost, so drawing across it would invent data. Pure; any thread.
 */
public final class TrendSegments {

    /** One point of a drawn line: epoch seconds and value. */
    public record Point(double time, double value) {
    }

    private TrendSegments() {
    }

    /** Per bucket the min and max (in the order they occurred), grouped into unbroken runs. */
    public static List<List<Point>> split(List<TrendBucket> buckets, List<TagGap> gaps) {
        List<TrendBucket> list = buckets == null ? List.of() : buckets;
        boolean[] breaks = breaks(list, gaps);
        List<List<Point>> runs = new ArrayList<>();
        List<Point> current = null;
        for (int i = 0; i < list.size(); i++) {
            TrendBucket b = list.get(i);
            if (!b.hasGoodValues()) {
                current = null;
                continue;
            }
            if (current == null || breaks[i]) {
                current = new ArrayList<>();
                runs.add(current);
            }
            double t0 = b.start().toEpochMilli() / 1000.0;
            double mid = (b.start().toEpochMilli() + b.end().toEpochMilli()) / 2000.0;
            boolean rising = b.first() <= b.last();
            current.add(new Point(t0, rising ? b.min() : b.max()));
            current.add(new Point(mid, rising ? b.max() : b.min()));
        }
        return runs;
    }

    /**
     * Per bucket whether the line must not be joined from the bucket before it: the one before is missing
     * (not adjacent), has no GOOD value, or a recorded gap spans the boundary. The first bucket always breaks.
     * This is what a chart needs to draw runs without building point lists.
     */
    public static boolean[] breaks(List<TrendBucket> buckets, List<TagGap> gaps) {
        boolean[] result = new boolean[buckets.size()];
        TrendBucket previous = null;
        for (int i = 0; i < buckets.size(); i++) {
            TrendBucket b = buckets.get(i);
            result[i] = previous == null || !previous.hasGoodValues() || !b.start().equals(previous.end())
                    || gapBetween(previous, b, gaps);
            previous = b;
        }
        return result;
    }

    /**
     * True when a gap spans the boundary between two adjacent buckets (it starts at or before it and ends at or
     * after it). A gap inside one bucket cannot be drawn at this resolution; one spanning several buckets has
     * empty buckets in it and breaks the line anyway.
     */
    private static boolean gapBetween(TrendBucket before, TrendBucket after, List<TagGap> gaps) {
        Instant boundary = after.start();
        for (TagGap gap : gaps == null ? List.<TagGap>of() : gaps) {
            if (!gap.from().isAfter(boundary) && !gap.to().isBefore(boundary)) {
                return true;
            }
        }
        return false;
    }
}
