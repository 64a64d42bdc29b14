package io.lineside.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.ShiftBook;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downtime reasons, handover notes and sign-offs on a real H2 file, with a fixture shift whose stops are known.
 *
 * <p>Shift early 2026-11-26 06:00–14:00 Europe/Berlin, line demo/assembly/line-1 (press → pack), a state sample every
 * 30 s all shift (nothing unknown). Stops, in seconds from the start:
 * <ul>
 *   <li>pack FAULT 3 600–4 500 (15 min), classified jam by an operator</li>
 *   <li>pack FAULT 9 000–9 600 (10 min), classified drive-fault</li>
 *   <li>press FAULT 12 000–13 800 (30 min), classified starved-supplier</li>
 *   <li>pack IDLE 15 000–16 200 (20 min), no reason: an IDLE is a changeover</li>
 *   <li>press FAULT 20 010–20 310 (5 min: the first sample in the fault is at 20 010 s), nobody gave a reason: unclassified</li>
 *   <li>pack FAULT 24 000–24 600 (10 min), the machine's reason signal says jam</li>
 * </ul>
 */
class ShiftBookAnalyzerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String LINE = "demo/assembly/line-1";
    private static final TagPath PACK = new TagPath("demo", "assembly", "line-1", "pack", "state");
    private static final TagPath PRESS = new TagPath("demo", "assembly", "line-1", "press", "state");
    private static final ShiftPeriod EARLY = new ShiftCalendar(List.of(new ShiftDefinition("early",
            LocalTime.of(6, 0), LocalTime.of(14, 0), "A")), BERLIN).period(LocalDate.of(2026, 11, 26), "early");
    private static final OeeSettings SETTINGS = new OeeSettings(Duration.ofSeconds(60), false,
            Map.of("pack", Duration.ofSeconds(30), "press", Duration.ofSeconds(30)), List.of("press", "pack"));

    @TempDir
    Path dir;

    private static String pack(int s) {
        if (s >= 3_600 && s < 4_500 || s >= 9_000 && s < 9_600 || s >= 24_000 && s < 24_600) {
            return "fault";
        }
        return s >= 15_000 && s < 16_200 ? "idle" : "running";
    }

    private static String press(int s) {
        return s >= 12_000 && s < 13_800 || s >= 20_000 && s < 20_300 ? "fault" : "running";
    }

    private void record() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            long seq = 0;
            for (int s = 0; s < 28_800; s += 30) {
                Instant t = EARLY.start().plusSeconds(s);
                seq++;
                writer.put(new TagUpdate(PACK, new TagValue(pack(s), t, t, Quality.GOOD, seq)));
                writer.put(new TagUpdate(PRESS, new TagValue(press(s), t, t, Quality.GOOD, seq)));
                writer.put(new TagUpdate(sibling(PACK, "cycles"), TagValue.good(s / 60, t, t, seq)));
                writer.put(new TagUpdate(sibling(PRESS, "cycles"), TagValue.good(s / 60, t, t, seq)));
                if (s == 24_000) {
                    writer.put(new TagUpdate(sibling(PACK, "reason"), new TagValue("jam", t, t, Quality.GOOD, seq)));
                }
            }
        }
    }

    private ShiftReport analyze() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir); AlarmJournalStore journal = new AlarmJournalStore(db)) {
            return new ShiftAnalyzer(new HistoryQuery(db), journal, SETTINGS,
                    Clock.fixed(EARLY.end().plusSeconds(600), ZoneOffset.UTC))
                    .withBook(new ShiftBook(db), ReasonTree.DEFAULT).analyze(EARLY);
        }
    }

    private void classify(String station, int second, String reason, String note) throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            new ShiftBook(db).classify(new ShiftBook.Classification(LINE + "/" + station,
                    EARLY.start().plusSeconds(second), reason, note, "olga", EARLY.end()));
        }
    }

    private void classifyFixture() throws Exception {
        classify("pack", 3_600, "jam", "film wrapped the roller");
        classify("pack", 9_000, "drive-fault", "");
        classify("press", 12_000, "starved-supplier", "coil late from supplier");
    }

    @Test
    void theParetoUsesTheReasonsGivenWithUnclassifiedAsItsOwnBar() throws Exception {
        record();
        classifyFixture();
        ShiftReport.Line line = analyze().lines().getFirst();

        // Minutes by reason: starved-supplier 30; jam 15 (operator) + 10 (machine) = 25; changeover 20;
        // drive-fault 10; unclassified 5. Total 90 min. Cumulative: 30/90 = 33.33 %, 55/90 = 61.11 %,
        // 75/90 = 83.33 %, 85/90 = 94.44 %, 90/90 = 100 %.
        assertEquals(List.of("starved-supplier", "jam", "changeover", "drive-fault", Downtime.UNSPECIFIED),
                line.pareto().stream().map(Downtime.ParetoBar::reason).toList());
        assertEquals(List.of(30L, 25L, 20L, 10L, 5L), line.pareto().stream().map(b -> b.total().toMinutes()).toList());
        assertEquals(List.of(1, 2, 1, 1, 1), line.pareto().stream().map(Downtime.ParetoBar::stops).toList());
        double[] cumulative = {100.0 * 30 / 90, 100.0 * 55 / 90, 100.0 * 75 / 90, 100.0 * 85 / 90, 100.0};
        for (int i = 0; i < cumulative.length; i++) {
            assertEquals(cumulative[i], line.pareto().get(i).cumulativePercent(), 1e-9, "bar " + i);
        }
        Downtime first = line.stops().getFirst();
        assertEquals("jam", first.reason());
        assertEquals("film wrapped the roller", first.note());
        assertEquals("olga", first.classifiedBy());
        assertEquals("", line.stops().getLast().classifiedBy(), "the last jam is the machine's own reason");

        ShiftFormat en = new ShiftFormat(java.util.ResourceBundle.getBundle("io.lineside.i18n.messages",
                java.util.Locale.ROOT), BERLIN);
        assertEquals("Material \u203A Starved by supplier \u00B7 30 min \u00B7 \u03A3 33.3 %", en.paretoLabel(line.pareto().getFirst()));
        assertEquals("Unclassified", en.reason(Downtime.UNSPECIFIED));
    }

    @Test
    void reasonsNotesAndSignOffSurviveReopeningTheFile() throws Exception {
        record();
        classifyFixture();
        ShiftReport before = analyze();
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            ShiftBook book = new ShiftBook(db);
            book.handover(new ShiftBook.Handover(LINE, EARLY.key(), EARLY.start(), "press die 4 worn, change it",
                    "olga", EARLY.end()));
            assertTrue(book.signOff(new ShiftBook.SignOff(LINE, EARLY.key(), EARLY.start(), EARLY.end(), "sam",
                    EARLY.end().plusSeconds(300), SignedLineCodec.encode(before.lines().getFirst()))));
            assertFalse(book.signOff(new ShiftBook.SignOff(LINE, EARLY.key(), EARLY.start(), EARLY.end(), "eve",
                    EARLY.end().plusSeconds(400), "{}")), "a shift is signed once");
        }
        // Another process opens the same file: everything is there.
        ShiftReport after = analyze();
        assertEquals(before.lines().getFirst().pareto(), after.lines().getFirst().pareto());
        ShiftReport.Book book = after.book(LINE);
        assertEquals("press die 4 worn, change it", book.handover().orElseThrow().note());
        assertEquals("sam", book.signed().orElseThrow().user());
        assertFalse(book.signed().get().liveDiffers(), "nothing changed since the sign-off");
        assertEquals(before.lines().getFirst(), after.lines().getFirst(), "the snapshot decodes to the figures signed");

        // The next shift is handed the note.
        ShiftPeriod late = new ShiftCalendar(List.of(new ShiftDefinition("late", LocalTime.of(14, 0),
                LocalTime.of(22, 0), "B")), BERLIN).period(LocalDate.of(2026, 11, 26), "late");
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            ShiftBook.Handover handed = new ShiftBook(db).handedTo(LINE, late.start()).orElseThrow();
            assertEquals(EARLY.key(), handed.shiftKey());
            assertTrue(new ShiftBook(db).handedTo(LINE, EARLY.start()).isEmpty(), "nothing before the first note");
        }
    }

    @Test
    void theSignedFiguresStayAsSignedWhenLateDataAndNewReasonsArrive() throws Exception {
        record();
        classifyFixture();
        ShiftReport.Line signed = analyze().lines().getFirst();
        String snapshot = SignedLineCodec.encode(signed);
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            new ShiftBook(db).signOff(new ShiftBook.SignOff(LINE, EARLY.key(), EARLY.start(), EARLY.end(), "sam",
                    EARLY.end().plusSeconds(300), snapshot));
        }
        // Late data: a fault of press at 26 020 s (until the sample at 26 040 s: 20 s), and the unclassified
        // stop given a reason behind the review's back.
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            Instant t = EARLY.start().plusSeconds(26_020);
            writer.put(new TagUpdate(PRESS, new TagValue("fault", t, t, Quality.GOOD, 99_999)));
        }
        classify("press", 20_010, "sensor", ""); // keyed by where the span starts

        ShiftReport now = analyze();
        ShiftReport.Line shown = now.lines().getFirst();
        assertEquals(signed, shown, "the report carries the signed figures");
        assertEquals(snapshot, SignedLineCodec.encode(shown), "the snapshot is unchanged");
        ShiftReport.Signed s = now.book(LINE).signed().orElseThrow();
        assertTrue(s.liveDiffers(), "the review can say live figures now differ");
        ShiftReport.Line live = s.live();
        assertNotEquals(signed, live, "press ran 20 s less in the live figures");
        // Live: 90 min + 20 s of stops; the 5 min bar moved from unclassified to sensor.
        assertEquals(Duration.ofMinutes(90).plusSeconds(20), live.pareto().stream().map(Downtime.ParetoBar::total)
                .reduce(Duration.ZERO, Duration::plus));
        assertTrue(live.pareto().stream().anyMatch(b -> b.reason().equals("sensor")), live.pareto().toString());
        assertTrue(shown.pareto().stream().anyMatch(b -> b.reason().equals(Downtime.UNSPECIFIED)));
    }

    @Test
    void theSnapshotRoundTripsUndefinedRatios() {
        OeeFigures none = Oee.compute(List.of(), 0, 0, null, false);
        ShiftReport.Line line = new ShiftReport.Line(LINE, "pack", none, List.of(new ShiftReport.Station("pack", none)),
                List.of(), List.of(), List.of());
        ShiftReport.Line back = SignedLineCodec.decode(SignedLineCodec.encode(line));
        assertTrue(Double.isNaN(back.oee().oee()));
        assertEquals(SignedLineCodec.encode(line), SignedLineCodec.encode(back));
    }

    private static TagPath sibling(TagPath p, String signal) {
        return new TagPath(p.site(), p.area(), p.line(), p.station(), signal);
    }
}
