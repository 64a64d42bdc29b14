package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.shifts.ShiftAnalyzer;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftReport;
import io.lineside.testsupport.SimulatedShift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of shifts that ended while the app was closed are written on the next start, once each. */
class ShiftReportsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void shiftsThatEndedWhileClosedGetTheirPdfOnceAndEmptyShiftsGetNone() throws Exception {
        ShiftCalendar calendar = new ShiftCalendar(List.of(
                new ShiftDefinition("a", LocalTime.of(6, 0), LocalTime.of(7, 0), "A"),
                new ShiftDefinition("b", LocalTime.of(7, 0), LocalTime.of(8, 0), "B")), SHANGHAI);
        LocalDate day = LocalDate.of(2026, 11, 26);
        Instant from = calendar.period(day, "a").start();
        ResourceBundle english = ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.ROOT);
        try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("db"))) {
            // the app recorded (or the recorder did) 06:00-08:00, then was closed
            SimulatedShift.record(db, from, from.plus(Duration.ofHours(2)), Duration.ofSeconds(5), 1, 3);
            try (AlarmJournalStore journal = new AlarmJournalStore(db)) {
                Clock nextStart = Clock.fixed(from.plus(Duration.ofHours(3)), SHANGHAI); // 09:00, started again
                ShiftAnalyzer analyzer = new ShiftAnalyzer(new HistoryQuery(db), journal, ShiftSetup.oee(true), nextStart);
                ShiftReports reports = new ShiftReports(calendar, analyzer, english, "assembly-east", dir, nextStart);

                List<Path> written = reports.catchUp();

                assertEquals(List.of(dir.resolve("reports/2026-11-26-a.pdf"), dir.resolve("reports/2026-11-26-b.pdf")),
                        written, "the week before has no history: no empty reports");
                assertEquals(calendar.period(day, "b").end().toString(),
                        Files.readString(dir.resolve("reports/last-shift-end")).trim());
                ShiftReport b = analyzer.analyze(calendar.period(day, "b"));
                String text;
                try (PDDocument doc = Loader.loadPDF(written.get(1).toFile())) {
                    text = new PDFTextStripper().getText(doc);
                }
                String oee = new ShiftFormat(english, SHANGHAI).percent(b.lines().getFirst().oee().oee());
                assertTrue(text.contains("OEE " + oee), oee + " in " + text);
                assertTrue(text.contains("Asia/Shanghai") && text.contains("assembly-east"), text);

                assertEquals(List.of(), reports.catchUp(), "each shift is reported once");
            }
        }
    }

    /** A clock the test moves: the recorder's timer asks it what time it is. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theRecordersReportsGoToTheConfiguredFolderAsShiftsEndAndAFileThereIsNeverRewritten() throws Exception {
        ShiftCalendar calendar = new ShiftCalendar(List.of(
                new ShiftDefinition("a", LocalTime.of(6, 0), LocalTime.of(7, 0), "A"),
                new ShiftDefinition("b", LocalTime.of(7, 0), LocalTime.of(8, 0), "B"),
                new ShiftDefinition("c", LocalTime.of(8, 0), LocalTime.of(9, 0), "C")), SHANGHAI);
        LocalDate day = LocalDate.of(2026, 11, 26);
        Instant from = calendar.period(day, "a").start();
        Path folder = dir.resolve("shift-pdfs");
        ResourceBundle english = ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.ROOT);
        try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("db"))) {
            SimulatedShift.record(db, from, from.plus(Duration.ofHours(3)), Duration.ofSeconds(5), 1, 3);
            try (AlarmJournalStore journal = new AlarmJournalStore(db)) {
                MovingClock clock = new MovingClock(from.plus(Duration.ofMinutes(90))); // 07:30, in shift b
                ShiftAnalyzer analyzer = new ShiftAnalyzer(new HistoryQuery(db), journal, ShiftSetup.oee(true), clock);
                ShiftReports reports = new ShiftReports(calendar, analyzer, english, "assembly-east", dir, clock)
                        .folder(folder);

                assertEquals(List.of(folder.resolve("2026-11-26-a.pdf")), reports.catchUp(), "a has ended, b not");
                assertEquals(List.of(), reports.catchUp(), "nothing new while b runs");

                clock.now = from.plus(Duration.ofMinutes(200)); // 09:20: the recorder was down through b and c
                assertEquals(List.of(folder.resolve("2026-11-26-b.pdf"), folder.resolve("2026-11-26-c.pdf")),
                        reports.catchUp(), "caught up in order");

                Path a = folder.resolve("2026-11-26-a.pdf");
                byte[] filed = Files.readAllBytes(a);
                java.nio.file.attribute.FileTime stamp = Files.getLastModifiedTime(a);
                Files.delete(folder.resolve("last-shift-end")); // the marker is lost: everything is due again
                assertEquals(List.of(), reports.catchUp(), "existing reports are not rewritten");
                assertEquals(stamp, Files.getLastModifiedTime(a));
                assertTrue(java.util.Arrays.equals(filed, Files.readAllBytes(a)));
                try (java.util.stream.Stream<Path> left = Files.list(folder)) {
                    assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".part")).toList());
                }
                assertTrue(Files.notExists(dir.resolve("reports")), "nothing in <dataDir>/reports when a folder is set");
            }
        }
    }
}
