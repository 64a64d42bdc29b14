package io.lineside.ui.shifts;

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
import io.lineside.ui.ViewLeaks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The shift review lets go of its view-model (and its shift book) when rebuilt by a language switch or closed. */
class ShiftReviewViewLeakTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ShiftCalendar CALENDAR = new ShiftCalendar(List.of(
            new ShiftDefinition("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "A"),
            new ShiftDefinition("night", LocalTime.of(22, 0), LocalTime.of(6, 0), "C")), BERLIN);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), BERLIN);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A shift with a run, a fault and an unknown hour on one line: figures, a stop and both charts to draw. */
    private static ShiftReport report(ShiftPeriod p) {
        Instant t = p.start();
        List<StateSpan> timeline = List.of(new StateSpan(StationState.RUNNING, t, t.plus(Duration.ofHours(6)), ""),
                new StateSpan(StationState.FAULT, t.plus(Duration.ofHours(6)), t.plus(Duration.ofHours(7)), "jam"),
                new StateSpan(StationState.UNKNOWN, t.plus(Duration.ofHours(7)), p.end(), ""));
        OeeFigures oee = Oee.compute(timeline, 10_800, 108, Duration.ofSeconds(2), false);
        List<Downtime> stops = Downtime.of("pack", timeline);
        return new ShiftReport(p, List.of(new ShiftReport.Line("demo/assembly/line-1", "pack", oee,
                List.of(new ShiftReport.Station("pack", oee)), stops, Downtime.pareto(stops), List.of())),
                List.of(), AlarmKpis.compute(List.of(), p.start(), p.end()), NOW.instant());
    }

    @Test
    void aRebuiltOrClosedShiftReviewIsCollected() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        ShiftReviewViewModel shifts = new ShiftReviewViewModel(CALENDAR, ShiftReviewViewLeakTest::report,
                new ShiftReviewViewModel.Exporter() {
                    @Override
                    public String pdf(ShiftReport r, Path file) {
                        return "";
                    }

                    @Override
                    public String csv(ShiftReport r, Path file) {
                        return "";
                    }
                }, () -> ConnectionState.ONLINE, Runnable::run, Runnable::run, texts, NOW);
        ViewLeaks.assertReleasedOnSwitchAndClose(texts, ShiftReviewView.class,
                () -> new ShiftReviewView(shifts, texts, name -> null), "review.title", shifts, shifts::show);
        shifts.show(); // the view-model lives on
    }
}
