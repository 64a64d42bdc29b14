package io.lineside.shifts;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.time.Duration;
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
        return thin(all, maxPoints);
    }

    /**
     * What a counter rose by over a shift, split by whether the workstation was recording.
     *
     * @param series    the running count of recorded increases ({@link #series}'s shape); its last point is the total
     * @param uncounted how much the counter rose across unknown time (parts made while nothing recorded)
     */
    public record Counted(List<Point> series, long uncounted) {

        public long total() {
            return series.isEmpty() ? 0 : series.getLast().count();
        }
    }

    /**
     * Like {@link #series}, but an increase between two samples counts only if the workstation recorded the time
     * between them: the samples are at most {@code hold} apart (the {@link GapRule}) and no UNKNOWN span of the
     * station's {@code timeline} lies between them. Otherwise it was made while nothing recorded, and paired with
     * known run time it would inflate performance (a PLC counter keeps counting while the HMI is down): it goes to
     * {@link Counted#uncounted}.
     *
     * @param from the range start (the baseline sample may lie before it)
     */
    public static Counted counted(TagValue before, List<TagValue> samples, int maxPoints, List<StateSpan> timeline,
                                  Duration hold, Instant from) {
        List<Point> all = new ArrayList<>();
        TagValue last = usable(before) ? before : null;
        double total = 0;
        double uncounted = 0;
        for (TagValue s : samples) {
            if (!usable(s)) {
                continue;
            }
            if (last != null) {
                double v = s.number();
                double rise = v >= last.number() ? v - last.number() : v;
                if (recorded(last.sourceTime(), s.sourceTime(), timeline, hold, from)) {
                    total += rise;
                } else {
                    uncounted += rise;
                }
            }
            last = s;
            all.add(new Point(s.sourceTime(), Math.round(total)));
        }
        return new Counted(thin(all, maxPoints), Math.round(uncounted));
    }

    private static boolean recorded(Instant a, Instant b, List<StateSpan> timeline, Duration hold, Instant from) {
        if (Duration.between(a, b).compareTo(hold) > 0) {
            return false;
        }
        Instant start = a.isBefore(from) ? from : a;
        for (StateSpan span : timeline) {
            if (span.state() == io.lineside.tags.StationState.UNKNOWN && span.from().isBefore(b)
                    && span.to().isAfter(start)) {
                return false;
            }
        }
        return true;
    }

    private static List<Point> thin(List<Point> all, int maxPoints) {
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
