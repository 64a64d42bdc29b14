package io.lineside.shifts;

import io.lineside.alarms.AlarmEvent;
import io.lineside.stations.SignalRole;
import io.lineside.alarms.AlarmJournal;
import io.lineside.alarms.AlarmKpis;
import io.lineside.alarms.JournalFilter;
import io.lineside.history.HistoryException;
import io.lineside.history.HistoryQuery;
import io.lineside.history.ShiftBook;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes a {@link ShiftReport} from history and the alarm journal alone: it never needs the broker, so a shift
 * can be reviewed with the plant network down. Stations are those with a {@code state} signal in history. A shift
 * still running is computed up to now.
 *
 * <p>Safe from any thread; every call does I/O, so never call it on the FX thread.
 */
public final class ShiftAnalyzer {

    /** Enough raw samples for a 12 h shift at 2 Hz; beyond it the tail of a signal is not read. */
    static final int SAMPLE_LIMIT = 100_000;
    private static final int TREND_POINTS = 240;

    private final HistoryQuery history;
    private final AlarmJournal journal;
    private final OeeSettings settings;
    private final Clock clock;
    private final ShiftBook book;
    private final ReasonTree reasons;

    public ShiftAnalyzer(HistoryQuery history, AlarmJournal journal, OeeSettings settings, Clock clock) {
        this(history, journal, settings, clock, null, ReasonTree.DEFAULT);
    }

    private ShiftAnalyzer(HistoryQuery history, AlarmJournal journal, OeeSettings settings, Clock clock,
                          ShiftBook book, ReasonTree reasons) {
        this.history = history;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
        this.book = book;
        this.reasons = reasons;
    }

    /**
     * This analyzer reading what people added from {@code book}: the reasons operators gave stops (they outrank the
     * machine's), handover notes, and sign-offs, whose frozen figures the report then carries instead of the live ones.
     */
    public ShiftAnalyzer withBook(ShiftBook book, ReasonTree reasons) {
        return new ShiftAnalyzer(history, journal, settings, clock, book, reasons);
    }

    /** The report of {@code period}; the first history or journal failure is the exception. */
    public ShiftReport analyze(ShiftPeriod period) throws HistoryException, AlarmJournal.JournalException {
        Instant now = clock.instant();
        Instant from = period.start();
        Instant to = now.isBefore(period.end()) && now.isAfter(from) ? now : period.end();
        Map<String, List<TagPath>> lines = new TreeMap<>();
        for (TagPath p : history.tags()) {
            if (p.signal().equals(SignalRole.STATE.conventionalName())) {
                lines.computeIfAbsent(p.site() + "/" + p.area() + "/" + p.line(), k -> new ArrayList<>()).add(p);
            }
        }
        List<ShiftReport.Line> out = new ArrayList<>();
        Map<String, ShiftReport.Book> books = new TreeMap<>();
        for (Map.Entry<String, List<TagPath>> line : lines.entrySet()) {
            ShiftReport.Line live = line(line.getKey(), line.getValue(), from, to);
            ShiftReport.Book b = book(live, period);
            out.add(b.signed().isPresent() ? SignedLineCodec.decode(book.signOff(live.name(), period.key())
                    .orElseThrow().snapshot()) : live);
            if (!b.equals(ShiftReport.Book.EMPTY)) {
                books.put(live.name(), b);
            }
        }
        List<AlarmEvent> alarms = journal.query(JournalFilter.between(from, to));
        return new ShiftReport(period, out, alarms, AlarmKpis.compute(alarms, from, to), now, books, reasons);
    }

    private ShiftReport.Book book(ShiftReport.Line live, ShiftPeriod period) throws HistoryException {
        if (book == null) {
            return ShiftReport.Book.EMPTY;
        }
        Optional<ShiftReport.Signed> signed = book.signOff(live.name(), period.key()).map(s -> new ShiftReport.Signed(
                s.user(), s.at(), live, !SignedLineCodec.encode(live).equals(s.snapshot())));
        return new ShiftReport.Book(book.handover(live.name(), period.key()),
                book.handedTo(live.name(), period.start()), signed);
    }

    private ShiftReport.Line line(String name, List<TagPath> statePaths, Instant from, Instant to)
            throws HistoryException {
        List<StationData> stations = new ArrayList<>();
        for (TagPath state : statePaths) {
            stations.add(station(state, from, to));
        }
        stations.sort(Comparator.comparingInt((StationData s) -> flowIndex(s.name())).thenComparing(StationData::name));
        // Without a configured flow order, the last station of a serial line has counted the fewest parts.
        StationData output = stations.stream().filter(s -> flowIndex(s.name()) < Integer.MAX_VALUE)
                .reduce((a, b) -> b)
                .orElseGet(() -> stations.stream().min(Comparator.comparingLong(s -> s.oee().total())).orElseThrow());
        List<Downtime> stops = new ArrayList<>();
        stations.forEach(s -> stops.addAll(Downtime.of(s.name(), s.timeline())));
        stops.sort(Comparator.comparing(Downtime::from).thenComparing(Downtime::station));
        if (book != null) {
            Map<String, ShiftBook.Classification> given = new HashMap<>();
            for (ShiftBook.Classification c : book.classifications(name, from, to)) {
                given.put(c.station() + "@" + c.spanStart().toEpochMilli(), c);
            }
            stops.replaceAll(d -> {
                ShiftBook.Classification c = given.get(name + "/" + d.station() + "@" + d.from().toEpochMilli());
                return c == null ? d : d.classified(c.reason(), c.note(), c.user());
            });
        }
        return new ShiftReport.Line(name, output.name(), output.oee(),
                stations.stream().map(s -> new ShiftReport.Station(s.name(), s.oee(), s.timeline())).toList(),
                stops, Downtime.pareto(stops), output.produced());
    }

    private int flowIndex(String station) {
        int i = settings.flowOrder().indexOf(station);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private record StationData(String name, List<StateSpan> timeline, OeeFigures oee,
                               List<CounterIncrease.Point> produced) {
    }

    private StationData station(TagPath state, Instant from, Instant to) throws HistoryException {
        List<TagGap> gaps = history.gaps(state, from, to);
        List<TagValue> reasons = new ArrayList<>();
        TagPath reason = sibling(state, "reason");
        history.lastBefore(reason, from).ifPresent(reasons::add);
        reasons.addAll(history.samples(reason, from, to, SAMPLE_LIMIT));
        List<StateSpan> timeline = StateTimeline.build(history.lastBefore(state, from).orElse(null),
                history.samples(state, from, to, SAMPLE_LIMIT), from, to, settings.staleAfter(), gaps, reasons);
        // Parts and scrap count only where the workstation recorded: the same gap rule as the timeline.
        Duration hold = settings.staleAfter();
        TagPath cycles = sibling(state, SignalRole.GOOD_COUNT.conventionalName());
        CounterIncrease.Counted produced = CounterIncrease.counted(history.lastBefore(cycles, from).orElse(null),
                history.samples(cycles, from, to, SAMPLE_LIMIT), TREND_POINTS, timeline, hold, from);
        TagPath scrapPath = sibling(state, SignalRole.SCRAP_COUNT.conventionalName());
        long scrap = CounterIncrease.counted(history.lastBefore(scrapPath, from).orElse(null),
                history.samples(scrapPath, from, to, SAMPLE_LIMIT), 1, timeline, hold, from).total();
        OeeFigures oee = Oee.compute(timeline, produced.total(), scrap, settings.idealCycle(state.station()),
                settings.idlePlanned(), produced.uncounted(), settings.maxUnknownShare());
        return new StationData(state.station(), timeline, oee, produced.series());
    }

    private static TagPath sibling(TagPath p, String signal) {
        return new TagPath(p.site(), p.area(), p.line(), p.station(), signal);
    }
}
