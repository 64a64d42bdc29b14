package io.lineside.shifts;

import io.lineside.tags.StationState;
import java.time.Duration;
import java.util.List;

/**
 * OEE = availability × performance × quality, from a station's state timeline and counters over a shift. Pure
 * functions; the definitions are in docs/oee.md.
 */
public final class Oee {

    private Oee() {
    }

    /**
     * @param timeline     spans covering the shift exactly ({@link StateTimeline#build})
     * @param total        parts counted in the shift
     * @param scrap        bad parts among them
     * @param idealCycle   ideal seconds per part, or null when unknown
     * @param idlePlanned  true when IDLE is a planned stop (break, planned changeover) rather than downtime
     */
    public static OeeFigures compute(List<StateSpan> timeline, long total, long scrap, Duration idealCycle,
                                     boolean idlePlanned) {
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
        return new OeeFigures(shift, unknown, plannedStops, planned, run, planned.minus(run), total, bad, idealCycle,
                availability, performance, quality, availability * performance * quality);
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
