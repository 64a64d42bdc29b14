package io.lineside.shifts;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a monotonic counter (parts made, parts scrapped) rose over a range. A drop is a reset (PLC restart) or
 * a wrap: the counter restarted from zero, so the value after the drop is what was counted since. Only GOOD numeric
 * samples count. Pure function.
 */
public final class CounterIncrease {

    private CounterIncrease() {
    }

    /**
     * @param before  the last sample before the range (the baseline), or null: then the first sample in it is
     * @param samples the samples in the range, in source-time order
     */
    public static long of(TagValue before, List<TagValue> samples) {
        List<Point> points = series(before, samples, Integer.MAX_VALUE);
        return points.isEmpty() ? 0 : points.getLast().count();
    }

    /** The count since the range start at one instant. */
    public record Point(Instant at, long count) {
    }

    /**
     * The running increase at each sample, thinned to at most {@code maxPoints} (the last point of each run of
     * samples is kept, so the final point is the total {@link #of} gives).
     */
    public static List<Point> series(TagValue before, List<TagValue> samples, int maxPoints) {
        List<Point> all = new ArrayList<>();
        double last = usable(before) ? before.number() : Double.NaN;
        double total = 0;
        for (TagValue s : samples) {
            if (!usable(s)) {
                continue;
            }
            double v = s.number();
            if (!Double.isNaN(last)) {
                total += v >= last ? v - last : v;
            }
            last = v;
            all.add(new Point(s.sourceTime(), Math.round(total)));
        }
        int step = Math.max(1, Math.ceilDiv(all.size(), Math.max(1, maxPoints)));
        List<Point> out = new ArrayList<>();
        for (int i = step - 1; i < all.size(); i += step) {
            out.add(all.get(i));
        }
        if (!all.isEmpty() && (out.isEmpty() || out.getLast() != all.getLast())) {
            out.add(all.getLast());
        }
        return out;
    }

    private static boolean usable(TagValue v) {
        return v != null && v.quality() == Quality.GOOD && Double.isFinite(v.number()) && v.number() >= 0;
    }
}
