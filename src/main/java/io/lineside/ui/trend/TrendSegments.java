package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.TagGap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a trend into the runs a chart may connect with a line. A run ends where no samples arrived for longer than
 * three average sample intervals (with buckets wider than the sampling that is any empty bucket; with buckets
 * narrower than it, e.g. a zoomed-in 1 Hz tag, empty buckets between samples are normal and are bridged), at a
 * bucket without GOOD values, and at a recorded {@link TagGap}: buckets on both sides of a gap may hold values, but
 * what lay between was lost, so drawing across it would invent data. Pure; any thread.
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
     * Per bucket whether the line must not be joined from the bucket before it: samples stopped in between (see
     * above), the one before has no GOOD value, or a recorded gap spans a boundary between them. The first bucket always breaks.
     * This is what a chart needs to draw runs without building point lists.
     */
    public static boolean[] breaks(List<TrendBucket> buckets, List<TagGap> gaps) {
        boolean[] result = new boolean[buckets.size()];
        long samples = 0;
        for (TrendBucket b : buckets) {
            samples += b.count();
        }
        long covered = buckets.isEmpty() ? 0
                : buckets.getLast().end().toEpochMilli() - buckets.getFirst().start().toEpochMilli();
        double bridgeable = samples > 1 ? 3.0 * covered / samples : 0; // ms of silence that is still "no gap"
        TrendBucket previous = null;
        for (int i = 0; i < buckets.size(); i++) {
            TrendBucket b = buckets.get(i);
            result[i] = previous == null || !previous.hasGoodValues()
                    || b.start().toEpochMilli() - previous.end().toEpochMilli() > bridgeable
                    || gapBetween(previous, b, gaps);
            previous = b;
        }
        return result;
    }

    /**
     * True when a gap touches the stretch between two drawn buckets (from the end of one to the start of the next).
     * A gap inside one bucket cannot be drawn at this resolution.
     */
    private static boolean gapBetween(TrendBucket before, TrendBucket after, List<TagGap> gaps) {
        Instant from = before.end();
        Instant to = after.start();
        for (TagGap gap : gaps == null ? List.<TagGap>of() : gaps) {
            if (!gap.from().isAfter(to) && !gap.to().isBefore(from)) {
                return true;
            }
        }
        return false;
    }
}
