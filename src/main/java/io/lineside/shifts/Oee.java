package io.lineside.shifts;

import io.lineside.tags.StationState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * OEE = availability × performance × quality, from a station's state timeline and counters over a shift. Pure
 * functions; the definitions are in docs/oee.md.
 */
public final class Oee {

    /** Rounding slack before a ratio counts as over 100 %. */
    private static final double OVER = 1 + 1e-9;

    private Oee() {
    }

    /** {@link #compute(List, long, long, Duration, boolean, long, double)} with nothing uncounted, the default limit. */
    public static OeeFigures compute(List<StateSpan> timeline, long total, long scrap, Duration idealCycle,
                                     boolean idlePlanned) {
        return compute(timeline, total, scrap, idealCycle, idlePlanned, 0, OeeSettings.DEFAULT_MAX_UNKNOWN_SHARE);
    }

    /**
     * @param timeline        spans covering the shift exactly ({@link StateTimeline#build})
     * @param total           parts counted in the shift while recording
     * @param scrap           bad parts among them
     * @param idealCycle      ideal seconds per part, or null when unknown
     * @param idlePlanned     true when IDLE is a planned stop (break, planned changeover) rather than downtime
     * @param uncounted       parts the counter rose by across unknown time (reported, never in performance)
     * @param maxUnknownShare above this share of unknown time the figures are flagged
     */
    public static OeeFigures compute(List<StateSpan> timeline, long total, long scrap, Duration idealCycle,
                                     boolean idlePlanned, long uncounted, double maxUnknownShare) {
        Duration shift = sum(timeline, null);
        Duration unknown = sum(timeline, StationState.UNKNOWN);
        Duration run = sum(timeline, StationState.RUNNING);
        Duration plannedStops = idlePlanned ? sum(timeline, StationState.IDLE) : Duration.ZERO;
        Duration planned = shift.minus(unknown).minus(plannedStops);
        double availability = ratio(run, planned);
        double performance = idealCycle == null || run.isZero() ? Double.NaN
                : idealCycle.toMillis() * (double) total / run.toMillis();
        long bad = Math.min(scrap, total);
        double quality = total == 0 ? Double.NaN : (total - bad) / (double) total;
        double oee = availability * performance * quality;
        List<OeeFigures.Flag> flags = new ArrayList<>();
        if (shift.isZero() || unknown.toMillis() > maxUnknownShare * shift.toMillis()) {
            flags.add(OeeFigures.Flag.UNKNOWN_SHARE);
        }
        if (availability > OVER || performance > OVER || quality > OVER || oee > OVER) {
            flags.add(OeeFigures.Flag.OVER_100);
        }
        return new OeeFigures(shift, unknown, plannedStops, planned, run, planned.minus(run), total, bad, idealCycle,
                availability, performance, quality, oee, uncounted, flags);
    }

    private static double ratio(Duration part, Duration whole) {
        return whole.isZero() || whole.isNegative() ? Double.NaN : part.toMillis() / (double) whole.toMillis();
    }

    private static Duration sum(List<StateSpan> timeline, StationState state) {
        Duration d = Duration.ZERO;
        for (StateSpan s : timeline) {
            if (state == null || s.state() == state) {
                d = d.plus(s.length());
            }
        }
        return d;
    }
}
