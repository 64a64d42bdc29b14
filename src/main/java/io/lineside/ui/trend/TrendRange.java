package io.lineside.ui.trend;

import java.time.Duration;
import java.time.Instant;

/**
 * The time window a trend shows, with the zoom and pan maths of the chart. Positions are fractions of the
 * window's width (0 = left edge, 1 = right edge), so the maths needs no pixels. Immutable; any thread.
 *
 * @param from first instant shown (inclusive)
 * @param to   end of the window (exclusive)
 */
public record TrendRange(Instant from, Instant to) {

    /** Narrower than this a bucket would hold less than one sample a pixel even at 1 Hz. */
    public static final Duration MIN_SPAN = Duration.ofSeconds(10);
    /** Wider than this a query would read more than a year of history. */
    public static final Duration MAX_SPAN = Duration.ofDays(400);

    public TrendRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("need from < to, got " + from + ", " + to);
        }
    }

    /** The window of length {@code span} ending at {@code end}. */
    public static TrendRange ending(Instant end, Duration span) {
        return new TrendRange(end.minus(clamp(span)), end);
    }

    public Duration span() {
        return Duration.between(from, to);
    }

    /** The instant at {@code fraction} of the width. */
    public Instant at(double fraction) {
        return from.plusMillis(Math.round(span().toMillis() * fraction));
    }

    /** Where {@code t} lies as a fraction of the width (outside 0..1 when outside the window). */
    public double fractionOf(Instant t) {
        return (double) Duration.between(from, t).toMillis() / span().toMillis();
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) keeping the instant under {@code anchor} where it is, as a
     * mouse wheel over the chart should; the span stays within {@link #MIN_SPAN} and {@link #MAX_SPAN}.
     */
    public TrendRange zoomAround(double anchor, double factor) {
        long span = clamp(Duration.ofMillis(Math.round(span().toMillis() * factor))).toMillis();
        Instant pivot = at(anchor);
        Instant start = pivot.minusMillis(Math.round(span * anchor));
        return new TrendRange(start, start.plusMillis(span));
    }

    /** Moves the window by {@code fraction} of its width (positive = later). */
    public TrendRange panBy(double fraction) {
        long shift = Math.round(span().toMillis() * fraction);
        return new TrendRange(from.plusMillis(shift), to.plusMillis(shift));
    }

    /** The part between two positions (in any order), as a box drag selects it; at least {@link #MIN_SPAN}. */
    public TrendRange select(double a, double b) {
        double lo = Math.max(0, Math.min(a, b));
        double hi = Math.min(1, Math.max(a, b));
        Instant start = at(lo);
        Instant end = at(hi);
        if (Duration.between(start, end).compareTo(MIN_SPAN) < 0) {
            Instant mid = start.plusMillis(Duration.between(start, end).toMillis() / 2);
            start = mid.minus(MIN_SPAN.dividedBy(2));
            end = start.plus(MIN_SPAN);
        }
        return new TrendRange(start, end);
    }

    /** The same span, ending at {@code end}: how live mode follows now. */
    public TrendRange endingAt(Instant end) {
        return new TrendRange(end.minus(span()), end);
    }

    private static Duration clamp(Duration span) {
        return span.compareTo(MIN_SPAN) < 0 ? MIN_SPAN : span.compareTo(MAX_SPAN) > 0 ? MAX_SPAN : span;
    }
}
