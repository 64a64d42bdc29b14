package io.lineside.ui.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmKpis;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.Oee;
import io.lineside.shifts.OeeFigures;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.shifts.ShiftReport;
import io.lineside.shifts.StateSpan;
import io.lineside.tags.StationState;
import io.lineside.telemetry.ConnectionState;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The shift review's model on the test thread: no toolkit, same-thread executors. */
class ShiftReviewViewModelTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ShiftCalendar CALENDAR = new ShiftCalendar(List.of(
            new ShiftDefinition("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "A"),
            new ShiftDefinition("night", LocalTime.of(22, 0), LocalTime.of(6, 0), "C")), BERLIN);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), BERLIN); // 09:00 local

    private final AtomicReference<ConnectionState> link = new AtomicReference<>(ConnectionState.OFFLINE);
    private final List<ShiftPeriod> asked = new ArrayList<>();
    private final List<String> exported = new ArrayList<>();

    private ShiftReport report(ShiftPeriod p) {
        asked.add(p);
        Instant t = p.start();
        List<StateSpan> timeline = List.of(new StateSpan(StationState.RUNNING, t, t.plus(Duration.ofHours(6)), ""),
                new StateSpan(StationState.FAULT, t.plus(Duration.ofHours(6)), t.plus(Duration.ofHours(7)), "jam"),
                new StateSpan(StationState.UNKNOWN, t.plus(Duration.ofHours(7)), p.end(), ""));
        OeeFigures oee = Oee.compute(timeline, 10_800, 108, Duration.ofSeconds(2), false);
        List<Downtime> stops = Downtime.of("pack", timeline);
        return new ShiftReport(p, List.of(
                new ShiftReport.Line("demo/assembly/line-1", "pack", oee, List.of(new ShiftReport.Station("load", oee),
                        new ShiftReport.Station("pack", oee)), stops, Downtime.pareto(stops), List.of()),
                new ShiftReport.Line("demo/assembly/line-2", "pack", oee, List.of(), List.of(), List.of(), List.of())),
                List.of(), AlarmKpis.compute(List.of(), p.start(), p.end()), NOW.instant());
    }

    private ShiftReviewViewModel model() {
        return model(Texts.forLocale(Locale.ENGLISH));
    }

    private ShiftReviewViewModel model(Texts texts) {
        return new ShiftReviewViewModel(CALENDAR, this::report, new ShiftReviewViewModel.Exporter() {
            @Override
            public String pdf(ShiftReport r, Path file) {
                exported.add("pdf " + r.period().key() + " " + file);
                return "ok";
            }

            @Override
            public String csv(ShiftReport r, Path file) throws Exception {
                throw new Exception("disk full");
            }
        }, link::get, Runnable::run, Runnable::run, texts, NOW);
    }

    @Test
    void aLanguageSwitchReWordsTheShiftShownWithoutComputingItAgain() {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        ShiftReviewViewModel m = model(texts);
        m.show();
        String english = m.headerProperty().get();
        int computed = asked.size();

        texts.switchTo(Locale.SIMPLIFIED_CHINESE);
        m.relocalize();

        ShiftReviewViewModel chinese = model(Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
        chinese.show();
        assertEquals(computed, asked.size() - 1, "only the model made in Chinese computed");
        assertNotEquals(english, m.headerProperty().get());
        assertEquals(chinese.headerProperty().get(), m.headerProperty().get());
        assertEquals(chinese.figuresProperty().get(), m.figuresProperty().get());
        assertEquals(chinese.stops(), m.stops());
        assertEquals(chinese.stations(), m.stations());
        assertEquals(chinese.alarmLinesProperty().get(), m.alarmLinesProperty().get());
        assertEquals(chinese.messageProperty().get(), m.messageProperty().get());
        assertEquals(chinese.book().signOffProperty().get(), m.book().signOffProperty().get());
    }

    @Test
    void theJournalFollowsAShiftOnlyWhenTheSupervisorShowsOne() {
        ShiftReviewViewModel m = model();
        List<String> followed = new ArrayList<>();
        m.setOnShiftShown(p -> followed.add(p.key()));

        m.showInitial();
        assertEquals(1, asked.size(), "the window opens on the last shift that ended");
        assertEquals(List.of(), followed, "opening the window leaves the journal on recent alarms");

        m.show();
        assertEquals(List.of(CALENDAR.period(LocalDate.of(2026, 11, 25), "night").key()), followed);
    }

    @Test
    void opensOnTheLastShiftThatEndedAndShowsItsFiguresFromHistory() {
        ShiftReviewViewModel m = model();
        assertEquals(LocalDate.of(2026, 11, 25), m.dateProperty().get());
        assertEquals("night", m.shiftProperty().get());

        m.show();

        assertEquals(List.of(CALENDAR.period(LocalDate.of(2026, 11, 25), "night")), asked);
        // 7 of 8 h known: planned 7 h, run 6 h; 10,800 parts x 2 s = 6 h ideal; 1 % scrap
        ShiftReviewViewModel.Figures f = m.figuresProperty().get();
        assertEquals("85.7 %", f.availability());
        assertEquals("100.0 %", f.performance());
        assertEquals("99.0 %", f.quality());
        assertEquals("84.9 %", f.oee());
        assertTrue(f.counts().contains("Unknown 1 h 00 min"), f.counts());
        assertEquals("night 2026-11-25 \u00B7 crew C \u00B7 2026-11-25 22:00 \u2013 2026-11-26 06:00 Europe/Berlin \u00B7 8 h 00 min",
                m.headerProperty().get());
        assertEquals(List.of("demo/assembly/line-1", "demo/assembly/line-2"), m.lines());
        assertEquals("demo/assembly/line-1", m.lineProperty().get());
        assertEquals("pack \u2605", m.stations().get(1).station());
        assertEquals(new ShiftReviewViewModel.StopRow("pack", "04:00:00", "05:00:00", "1 h 00 min", "Mechanical \u203A Jam"),
                m.stops().getFirst());
        assertFalse(m.busyProperty().get());
    }

    @Test
    void choosingAnotherLineShowsItsTablesAndAnotherShiftIsComputedAgain() {
        ShiftReviewViewModel m = model();
        m.show();
        m.lineProperty().set("demo/assembly/line-2");
        assertTrue(m.stations().isEmpty());
        assertTrue(m.stops().isEmpty());
        m.dateProperty().set(LocalDate.of(2026, 11, 26));
        m.shiftProperty().set("early");
        m.show();
        assertEquals("2026-11-26/early", asked.getLast().key());
        assertEquals("demo/assembly/line-2", m.lineProperty().get(), "the chosen line is kept");
        assertTrue(m.messageProperty().get().startsWith("Shift still running"), m.messageProperty().get());
    }

    @Test
    void offlineBadgeFollowsTheBrokerLink() {
        ShiftReviewViewModel m = model();
        assertTrue(m.offlineProperty().get());
        link.set(ConnectionState.ONLINE);
        m.pulse(NOW.instant());
        assertFalse(m.offlineProperty().get());
    }

    @Test
    void exportsGoThroughTheExporterAndFailuresAreShown() {
        ShiftReviewViewModel m = model();
        m.exportPdf(Path.of("x.pdf"));
        assertTrue(exported.isEmpty(), "nothing shown, nothing to export");
        m.show();
        m.exportPdf(Path.of("x.pdf"));
        assertEquals(List.of("pdf 2026-11-25/night x.pdf"), exported);
        m.exportCsv(Path.of("x.csv"));
        assertEquals("Export failed: disk full", m.messageProperty().get());
    }

    @Test
    void anExportKilledByAnErrorEndsWithItShownAndTheButtonsFree() {
        // Issue 18: NoClassDefFoundError from PDFBox is an Error, which the old catch (Exception) let through:
        // the spinner turned for ever with Show and both exports disabled. A queued background executor is the
        // real one's shape: busy while the task waits, not after.
        List<Runnable> queued = new ArrayList<>();
        ShiftReviewViewModel m = new ShiftReviewViewModel(CALENDAR, this::report, new ShiftReviewViewModel.Exporter() {
            @Override
            public String pdf(ShiftReport r, Path file) {
                throw new NoClassDefFoundError("org/apache/commons/logging/LogFactory");
            }

            @Override
            public String csv(ShiftReport r, Path file) {
                return "ok";
            }
        }, link::get, queued::add, Runnable::run, Texts.forLocale(Locale.ENGLISH), NOW);
        m.show();
        queued.removeFirst().run();
        m.exportPdf(Path.of("x.pdf"));
        assertTrue(m.busyProperty().get(), "busy while the export runs");
        queued.removeFirst().run();
        assertFalse(m.busyProperty().get(), "Show and both exports are enabled again");
        assertNotNull(m.reportProperty().get(), "the shown shift stays, so the exports stay enabled");
        assertEquals("Export failed: NoClassDefFoundError: org/apache/commons/logging/LogFactory",
                m.messageProperty().get());
    }

    @Test
    void aShiftThatCannotBeComputedBecauseOfAnErrorSaysSoAndFreesShow() {
        ShiftReviewViewModel m = new ShiftReviewViewModel(CALENDAR, p -> {
            throw new OutOfMemoryError("Java heap space");
        }, null, link::get, Runnable::run, Runnable::run, Texts.forLocale(Locale.ENGLISH), NOW);
        m.show();
        assertFalse(m.busyProperty().get());
        assertEquals("The shift cannot be computed: OutOfMemoryError: Java heap space", m.messageProperty().get());
    }
}
