package io.lineside.shifts;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.KpiReport;
import java.time.Instant;
import java.util.List;

/**
 * Everything a shift review shows and a shift report prints, computed once from history.
 *
 * @param period     the shift
 * @param lines      per line, in name order
 * @param alarms     the alarm journal rows of the shift, oldest first
 * @param kpis       EEMUA 191 KPIs of the shift
 * @param computedAt when it was computed (a shift still running is computed up to then)
 */
public record ShiftReport(ShiftPeriod period, List<Line> lines, List<AlarmEvent> alarms, KpiReport kpis,
                          Instant computedAt) {

    public ShiftReport {
        lines = List.copyOf(lines);
        alarms = List.copyOf(alarms);
    }

    /** True if any station has a known state for some of the shift; a shift when nothing was recorded has none. */
    public boolean hasHistory() {
        return lines.stream().flatMap(l -> l.stations().stream())
                .anyMatch(s -> s.oee().unknown().compareTo(s.oee().shiftTime()) < 0);
    }

    /**
     * One line of the shift.
     *
     * @param name     {@code site/area/line}
     * @param output   the station whose OEE is the line's (its last in flow order)
     * @param oee      the line's OEE (that of {@code output})
     * @param stations every station's OEE, in flow order
     * @param stops    FAULT and IDLE stops of all its stations, in time order
     * @param pareto   stop time by reason
     * @param produced the output station's cumulative count through the shift, for the output trend
     */
    public record Line(String name, String output, OeeFigures oee, List<Station> stations, List<Downtime> stops,
                       List<Downtime.ParetoBar> pareto, List<CounterIncrease.Point> produced) {
    }

    /**
     * One station's OEE and the state timeline it was computed from (the same spans the review draws).
     *
     * @param timeline spans covering the shift exactly, UNKNOWN where nothing was recorded
     */
    public record Station(String name, OeeFigures oee, List<StateSpan> timeline) {

        public Station {
            timeline = List.copyOf(timeline);
        }

        /** Without a timeline (tests of the tables). */
        public Station(String name, OeeFigures oee) {
            this(name, oee, List.of());
        }
    }
}
