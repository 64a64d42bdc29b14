package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryExport;
import io.lineside.history.HistoryWriter;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final TagPath TEMP = TagPath.parse("plant/press/line1/press1/temperature");
    private static final TagPath STATE = TagPath.parse("plant/press/line1/press1/state");
    private static final TagPath OTHER = TagPath.parse("plant/press/line1/press2/temperature");

    @TempDir
    Path dir;

    @Test
    void aShiftEndingBeforeItStartsEndsTheNextDayInStationTime() {
        ExportCommand.Range r = ExportCommand.range(export("2026-11-26/22:00-06:00"), Optional.empty(), SHANGHAI);
        assertEquals(Instant.parse("2026-11-26T14:00:00Z"), r.from());
        assertEquals(Instant.parse("2026-11-26T22:00:00Z"), r.to());
    }

    @Test
    void aNamedShiftComesFromTheStationCalendar() {
        StationProfile station = new StationProfile("s", List.of(), List.of(), Optional.empty(),
                List.of(new StationProfile.Shift("early", LocalTime.of(6, 0), LocalTime.of(14, 0))), 30);
        ExportCommand.Range r = ExportCommand.range(export("2026-11-26/early"), Optional.of(station), SHANGHAI);
        assertEquals(Instant.parse("2026-11-25T22:00:00Z"), r.from());
        assertEquals(Instant.parse("2026-11-26T06:00:00Z"), r.to());
        assertEquals("--shift: no shift \"late\" in the station's calendar [early]", assertThrows(
                IllegalArgumentException.class, () -> ExportCommand.range(export("2026-11-26/late"), Optional.of(station),
                        SHANGHAI)).getMessage());
    }

    @Test
    void theDemosNamedShiftsAreTheOnesTheReviewShows() {
        // no station block: early 06-14, late 14-22, night 22-06, as the README says
        ExportCommand.Range r = ExportCommand.range(export("2026-11-26/night"), Optional.empty(), SHANGHAI);
        assertEquals(Instant.parse("2026-11-26T14:00:00Z"), r.from());
        assertEquals(Instant.parse("2026-11-26T22:00:00Z"), r.to());
    }

    @Test
    void rangesAcceptLocalOrOffsetTimes() {
        CommandLine.Export e = new CommandLine.Export(List.of(), Optional.of("2026-11-26T06:00"),
                Optional.of("2026-11-26T06:30:00Z"), Optional.empty());
        ExportCommand.Range r = ExportCommand.range(e, Optional.empty(), SHANGHAI);
        assertEquals(Instant.parse("2026-11-25T22:00:00Z"), r.from());
        assertEquals(Instant.parse("2026-11-26T06:30:00Z"), r.to());
        CommandLine.Export bad = new CommandLine.Export(List.of(), Optional.of("yesterday"), Optional.of("x"),
                Optional.empty());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportCommand.range(bad, Optional.empty(), SHANGHAI))
                .getMessage().startsWith("--from expects a date-time"));
    }

    @Test
    void exportsTheChosenTagsInTheRangeAsCsv() throws Exception {
        Instant t0 = Instant.parse("2026-11-26T06:00:00Z");
        Path data = dir.resolve("data");
        try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
            HistoryWriter writer = new HistoryWriter(db);
            for (int i = 0; i < 10; i++) {
                Instant t = t0.plusSeconds(60L * i);
                writer.accept(new TagUpdate(TEMP, TagValue.good(20.5 + i, t, t, i)));
                writer.accept(new TagUpdate(OTHER, TagValue.good(99, t, t, i)));
            }
            writer.accept(new TagUpdate(STATE, new TagValue("=RUN", t0, t0, io.lineside.tags.Quality.GOOD, 1)));
            Eventually.await("21 samples committed", Duration.ofSeconds(10), () -> writer.writtenCount() == 21);
            writer.close();
        }
        Path csv = dir.resolve("out.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine.Export request = new CommandLine.Export(List.of(TEMP.toString(), STATE.toString()),
                Optional.of("2026-11-26T06:02:00Z"), Optional.of("2026-11-26T06:05:00Z"), Optional.empty());
        int code = ExportCommand.run(request, Optional.empty(), Optional.of(csv), data, SHANGHAI,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(HistoryExport.HEADER,
                "\"plant/press/line1/press1/temperature\",2026-11-26T06:02:00Z,2,2026-11-26T06:02:00Z,22.5,GOOD",
                "\"plant/press/line1/press1/temperature\",2026-11-26T06:03:00Z,3,2026-11-26T06:03:00Z,23.5,GOOD",
                "\"plant/press/line1/press1/temperature\",2026-11-26T06:04:00Z,4,2026-11-26T06:04:00Z,24.5,GOOD"),
                Files.readAllLines(csv));
        request = new CommandLine.Export(List.of(STATE.toString()), Optional.of("2026-11-26T06:00:00Z"),
                Optional.of("2026-11-26T06:01:00Z"), Optional.empty());
        assertEquals(0, ExportCommand.run(request, Optional.empty(), Optional.of(csv), data, SHANGHAI,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("\"plant/press/line1/press1/state\",2026-11-26T06:00:00Z,1,2026-11-26T06:00:00Z,\"'=RUN\",GOOD",
                Files.readAllLines(csv).get(1), "a text value that looks like a formula is defused");
    }

    @Test
    void aTextCutInsideASurrogatePairExportsToAFileAsToStdout() throws Exception {
        Instant t0 = Instant.parse("2026-11-26T06:00:00Z");
        Path data = dir.resolve("data");
        try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
            HistoryWriter writer = new HistoryWriter(db);
            writer.accept(new TagUpdate(STATE, new TagValue("jam \uD83D", t0, t0, io.lineside.tags.Quality.GOOD, 1)));
            writer.accept(new TagUpdate(STATE, new TagValue("ok \uD83D\uDCA5 \uDCA5", t0.plusSeconds(1),
                    t0.plusSeconds(1), io.lineside.tags.Quality.GOOD, 2)));
            Eventually.await("2 samples committed", Duration.ofSeconds(10), () -> writer.writtenCount() == 2);
            writer.close();
        }
        CommandLine.Export request = new CommandLine.Export(List.of(STATE.toString()),
                Optional.of("2026-11-26T06:00:00Z"), Optional.of("2026-11-26T06:01:00Z"), Optional.empty());
        Path csv = dir.resolve("out.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, ExportCommand.run(request, Optional.empty(), Optional.of(csv), data, SHANGHAI,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)),
                err.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        assertEquals(0, ExportCommand.run(request, Optional.empty(), Optional.empty(), data, SHANGHAI,
                new PrintStream(stdout), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(stdout.toString(StandardCharsets.UTF_8), Files.readString(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("jam \uFFFD"), lines.get(1));
        assertTrue(lines.get(2).contains("ok \uD83D\uDCA5 \uFFFD"), lines.get(2));
    }

    @Test
    void missingHistoryAndBadTagsAreReported() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream());
        assertEquals(1, ExportCommand.run(export("2026-11-26/06:00-14:00"), Optional.empty(), Optional.empty(),
                dir.resolve("none"), SHANGHAI, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no history in " + dir.resolve("none").resolve("db")));
        CommandLine.Export badTag = new CommandLine.Export(List.of("press1/temperature"), Optional.empty(),
                Optional.empty(), Optional.of("2026-11-26/06:00-14:00"));
        assertEquals(2, ExportCommand.run(badTag, Optional.empty(), Optional.empty(), dir, SHANGHAI, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tag expects site/area/line/station/signal"));
    }

    private static CommandLine.Export export(String shift) {
        return new CommandLine.Export(List.of(), Optional.empty(), Optional.empty(), Optional.of(shift));
    }
}
