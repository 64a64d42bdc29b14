package io.lineside.shifts;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.KpiReport;
import io.lineside.history.ShiftBook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a shift review shows and a shift report prints, computed once from history.
 *
 * @param period     the shift
 * @param lines      per line, in name order
 * @param alarms     the alarm journal rows of the shift, oldest first
 * @param kpis       EEMUA 191 KPIs of the shift
 * @param computedAt when it was computed (a shift still running is computed up to then)
 * @param books      per line name, its handover notes and sign-off; a line without any has none here
 * @param reasons    the reason tree stops were classified from (labels for the review, the CSV and the PDF)
 */
public record ShiftReport(ShiftPeriod period, List<Line> lines, List<AlarmEvent> alarms, KpiReport kpis,
                          Instant computedAt, Map<String, Book> books, ReasonTree reasons) {

    public ShiftReport {
        lines = List.copyOf(lines);
        alarms = List.copyOf(alarms);
        books = Map.copyOf(books);
    }

    /** A report without handover notes or sign-offs, with the default reason tree. */
    public ShiftReport(ShiftPeriod period, List<Line> lines, List<AlarmEvent> alarms, KpiReport kpis,
                       Instant computedAt) {
        this(period, lines, alarms, kpis, computedAt, Map.of(), ReasonTree.DEFAULT);
    }

    /** The handover notes and sign-off of {@code line}. */
    public Book book(String line) {
        return books.getOrDefault(line, Book.EMPTY);
    }

    /**
     * What people added to a line's shift.
     *
     * @param handover   the note written for the next shift at the end of this one
     * @param handedOver the note the previous shift left this one
     * @param signed     the sign-off; then the report's {@link Line} is the one signed, not the live one
     */
    public record Book(Optional<ShiftBook.Handover> handover, Optional<ShiftBook.Handover> handedOver,
                       Optional<Signed> signed) {
        public static final Book EMPTY = new Book(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A sign-off: the line's figures are frozen as signed.
     *
     * @param live         the figures computed from history now (late data, reclassified stops may change them)
     * @param liveDiffers  true if {@code live} is not what was signed
     */
    public record Signed(String user, Instant at, Line live, boolean liveDiffers) {
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
