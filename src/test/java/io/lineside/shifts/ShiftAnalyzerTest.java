package io.lineside.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.sim.SimMessage;
import io.lineside.sim.SimPlant;
import io.lineside.sim.StationKind;
import io.lineside.testsupport.SimulatedShift;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated shift written to a real H2 file, analysed, and checked against the simulator's own telemetry. */
class ShiftAnalyzerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration STEP = Duration.ofSeconds(2);
    private static final long SEED = 11;

    @TempDir
    Path dir;

    static OeeSettings demoSettings() {
        return new OeeSettings(OeeSettings.DEFAULT_STALE_AFTER, false,
                StationKind.DEMO_LINE.stream().collect(Collectors.toMap(StationKind::name,
                        k -> Duration.ofMillis(Math.round(k.cycleSeconds() * 1000)))),
                StationKind.DEMO_LINE.stream().map(StationKind::name).toList());
    }

    @Test
    void oeeOfTheOutputStationMatchesTheSimulatorsOwnTelemetry() throws Exception {
        ShiftCalendar calendar = new ShiftCalendar(List.of(new ShiftDefinition("short", LocalTime.of(22, 0),
                LocalTime.of(0, 0), "C")), BERLIN);
        ShiftPeriod period = calendar.period(LocalDate.of(2026, 11, 25), "short");
        try (HistoryDatabase db = HistoryDatabase.open(dir);
             AlarmJournalStore journal = new AlarmJournalStore(db)) {
            SimulatedShift.record(db, period.start(), period.end(), STEP, 1, SEED);
            ShiftAnalyzer analyzer = new ShiftAnalyzer(new HistoryQuery(db), journal, demoSettings(),
                    Clock.fixed(period.end().plusSeconds(60), ZoneOffset.UTC));

            ShiftReport report = analyzer.analyze(period);

            Expected pack = replay(period, "pack");
            ShiftReport.Line line = report.lines().getFirst();
            assertEquals("demo/assembly/line-1", line.name());
            assertEquals("pack", line.output());
            assertEquals(List.of("load", "press", "weld", "paint", "inspect", "pack"),
                    line.stations().stream().map(ShiftReport.Station::name).toList());
            OeeFigures oee = line.oee();
            assertEquals(Duration.ofHours(2), oee.shiftTime());
            assertEquals(pack.running, oee.runTime());
            assertEquals(pack.count, oee.total());
            assertEquals(pack.scrap, oee.scrap());
            assertEquals(pack.running.toMillis() / (double) Duration.ofHours(2).minus(oee.unknown()).toMillis(),
                    oee.availability(), 1e-9);
            assertEquals(2000.0 * pack.count / pack.running.toMillis(), oee.performance(), 1e-9);
            assertTrue(oee.oee() > 0.3 && oee.oee() < 1.0, "a plausible OEE: " + oee);
            assertTrue(oee.unknown().compareTo(STEP) <= 0, "only the last tick's tail can be unknown: " + oee.unknown());
            assertFalse(line.stops().isEmpty(), "two hours of six stations have stops");
            assertTrue(Set.of("jam", "tool", "material", "electrical", "changeover")
                    .containsAll(line.pareto().stream().map(Downtime.ParetoBar::reason).toList()), line.pareto().toString());
            assertEquals(pack.count, line.produced().getLast().count());
            assertFalse(report.alarms().isEmpty(), "faults raise alarms in the shift's journal");
            assertEquals(report.alarms().stream().filter(e -> e.annunciation()).count(), report.kpis().annunciations());
        }
    }

    @Test
    void anHourWithoutHistoryIsUnknownTimeNotDowntime() throws Exception {
        ShiftCalendar calendar = new ShiftCalendar(List.of(new ShiftDefinition("short", LocalTime.of(6, 0),
                LocalTime.of(8, 0), "A")), BERLIN);
        ShiftPeriod period = calendar.period(LocalDate.of(2026, 11, 26), "short");
        try (HistoryDatabase db = HistoryDatabase.open(dir);
             AlarmJournalStore journal = new AlarmJournalStore(db)) {
            // the app was closed from 06:30 to 07:30
            SimulatedShift.record(db, period.start(), period.start().plus(Duration.ofMinutes(30)), STEP, 1, SEED);
            SimulatedShift.record(db, period.start().plus(Duration.ofMinutes(90)), period.end(), STEP, 1, SEED + 1);
            ShiftReport report = new ShiftAnalyzer(new HistoryQuery(db), journal, demoSettings(),
                    Clock.fixed(period.end(), ZoneOffset.UTC)).analyze(period);
            OeeFigures oee = report.lines().getFirst().oee();
            // silence after the last sample at ~06:29:58 is trusted for 5 minutes, then unknown until 07:30
            Duration expected = Duration.ofMinutes(60).minus(OeeSettings.DEFAULT_STALE_AFTER).plus(STEP);
            assertTrue(oee.unknown().minus(expected).abs().compareTo(STEP.multipliedBy(2)) <= 0, "unknown " + oee.unknown());
            assertEquals(Duration.ofHours(2).minus(oee.unknown()), oee.plannedTime());
        }
    }

    private record Expected(Duration running, long count, long scrap) {
    }

    /** Integrates the simulator's own messages: a state holds from its tick to the next. */
    private static Expected replay(ShiftPeriod period, String station) throws Exception {
        SimPlant plant = new SimPlant(SimulatedShift.PREFIX, "demo", "assembly", 1, StationKind.DEMO_LINE, 1_800, SEED);
        ObjectMapper json = new ObjectMapper();
        Duration running = Duration.ZERO;
        String state = null;
        Double firstCycles = null;
        double cycles = 0;
        Double firstScrap = null;
        double scrap = 0;
        for (Instant t = period.start(); t.isBefore(period.end()); t = t.plus(STEP)) {
            if ("running".equals(state)) {
                running = running.plus(STEP);
            }
            for (SimMessage m : plant.tick(t)) {
                String[] parts = m.topic().split("/");
                if (!parts[4].equals(station)) {
                    continue;
                }
                JsonNode v = json.readTree(m.payload()).get("v");
                switch (parts[5]) {
                    case "state" -> state = v.asText();
                    case "cycles" -> {
                        cycles = v.asDouble();
                        firstCycles = firstCycles == null ? cycles : firstCycles;
                    }
                    case "scrap" -> {
                        scrap = v.asDouble();
                        firstScrap = firstScrap == null ? scrap : firstScrap;
                    }
                    default -> { }
                }
            }
        }
        // the last tick's state holds to the shift end (one step)
        if ("running".equals(state)) {
            running = running.plus(STEP);
        }
        return new Expected(running, Math.round(cycles - firstCycles), Math.round(scrap - firstScrap));
    }

}
