package io.lineside.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmKpis;
import io.lineside.tags.StationState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftReportCsvTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void everyTableIsAQuotedCsvWithFormulasDefused() throws Exception {
        ShiftPeriod early = new ShiftCalendar(List.of(new ShiftDefinition("early", LocalTime.of(6, 0),
                LocalTime.of(14, 0), "A")), SHANGHAI).period(LocalDate.of(2026, 11, 26), "early");
        Instant t = early.start();
        List<StateSpan> timeline = List.of(new StateSpan(StationState.RUNNING, t, t.plus(Duration.ofHours(7)), ""),
                new StateSpan(StationState.FAULT, t.plus(Duration.ofHours(7)), early.end(), "=HYPERLINK(\"x\")"));
        OeeFigures oee = Oee.compute(timeline, 100, 4, Duration.ofMinutes(3), false);
        List<Downtime> stops = Downtime.of("pack", timeline);
        ShiftReport report = new ShiftReport(early, List.of(new ShiftReport.Line("demo/assembly/line-1", "pack", oee,
                List.of(new ShiftReport.Station("pack", oee)), stops, Downtime.pareto(stops),
                List.of(new CounterIncrease.Point(t.plusSeconds(3600), 12)))), List.of(),
                AlarmKpis.compute(List.of(), early.start(), early.end()), early.end());

        List<Path> files = ShiftReportCsv.write(report, SHANGHAI, dir.resolve("early.csv"));

        assertEquals(List.of("early-stations.csv", "early-stops.csv", "early-pareto.csv", "early-output.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        List<String> stations = Files.readAllLines(files.get(0), StandardCharsets.UTF_8);
        assertEquals("\"2026-11-26/early\",\"demo/assembly/line-1\",\"pack\",\"true\",\"100\",\"4\",\"25200\",\"3600\","
                + "\"0\",\"28800\",\"0.8750\",\"0.7143\",\"0.9600\",\"0.6000\",\"0.0000\",\"0\",\"true\",\"\","
                + "\"Asia/Shanghai\",\"\",\"\"", stations.get(1)); // not signed: no signed_by, signed_at
        List<String> stopRows = Files.readAllLines(files.get(1), StandardCharsets.UTF_8);
        assertEquals("\"2026-11-26/early\",\"demo/assembly/line-1\",\"pack\",\"FAULT\",\"2026-11-26T13:00:00+08:00\","
                + "\"2026-11-26T14:00:00+08:00\",\"3600\",\"'=HYPERLINK(\"\"x\"\")\",\"Asia/Shanghai\","
                + "\"\",\"\",\"\"", stopRows.get(1)); // a reason outside the tree, no note, the machine's
        assertTrue(Files.readString(files.get(3)).contains("\"2026-11-26T07:00:00+08:00\",\"12\",\"Asia/Shanghai\""));
    }

    @Test
    void figuresThatCannotBeSignedSaySoInTheCsv() throws Exception {
        ShiftPeriod early = new ShiftCalendar(List.of(new ShiftDefinition("early", LocalTime.of(6, 0),
                LocalTime.of(14, 0), "A")), SHANGHAI).period(LocalDate.of(2026, 11, 26), "early");
        Instant t = early.start();
        // 1 h running, 7 h not recorded: 87.5 % unknown; 100 parts at an ideal 60 s in 3 600 s run = 166.7 %
        List<StateSpan> timeline = List.of(new StateSpan(StationState.RUNNING, t, t.plus(Duration.ofHours(1)), ""),
                new StateSpan(StationState.UNKNOWN, t.plus(Duration.ofHours(1)), early.end(), ""));
        OeeFigures oee = Oee.compute(timeline, 100, 0, Duration.ofSeconds(60), false);
        ShiftReport report = new ShiftReport(early, List.of(new ShiftReport.Line("l", "pack", oee,
                List.of(new ShiftReport.Station("pack", oee)), List.of(), List.of(), List.of())), List.of(),
                AlarmKpis.compute(List.of(), early.start(), early.end()), early.end());
        List<String> rows = Files.readAllLines(ShiftReportCsv.write(report, SHANGHAI, dir.resolve("x.csv")).get(0));
        assertTrue(rows.get(1).endsWith("\"0.8750\",\"0\",\"false\",\"unknown_share over_100\",\"Asia/Shanghai\",\"\",\"\""),
                rows.get(1));
    }
}
