package io.lineside.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
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
 * A shift with known recording gaps, known stops and known counts, written through the real HistoryWriter into a real
 * H2 file. Every expected figure is worked out by hand in the comments, not with the code under test.
 *
 * <p>Shift early 2026-11-26 06:00–14:00 Europe/Berlin = 28 800 s. Two stations of line demo/assembly/line-1, flow
 * press → pack. The workstation samples every 30 s, records from 06:05 (300 s), is off from 07:59:30 (last sample
 * at 7 170 s) to 09:00 (10 800 s), history has a lost-session gap row 11:00–11:10 (18 000–18 600 s, no samples),
 * and the last sample is at 13:49:30 (28 170 s). The gap rule is 60 s heartbeat + 5 s stale + 1 s tick = 66 s.
 */
class FixtureShiftTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TagPath PACK = new TagPath("demo", "assembly", "line-1", "pack", "state");
    private static final TagPath PRESS = new TagPath("demo", "assembly", "line-1", "press", "state");

    @TempDir
    Path dir;

    /** Seconds from the shift start that the workstation recorded (a sample each 30 s). */
    private static boolean recording(int s) {
        return s >= 300 && s <= 7_170 || s >= 10_800 && s < 18_000 || s >= 18_600 && s <= 28_170;
    }

    /** What pack really did (the PLC does not stop when the HMI does). */
    private static String packState(int s) {
        if (s >= 3_600 && s < 5_400 || s >= 24_000 && s < 25_200) {
            return "fault";
        }
        return s >= 14_400 && s < 15_600 ? "idle" : "running";
    }

    private static String pressState(int s) {
        return s >= 12_000 && s < 12_900 ? "fault" : "running";
    }

    private static String reason(String station, int s) {
        return switch (station + "@" + s) {
            case "pack@3600" -> "jam";
            case "pack@14400" -> "changeover";
            case "pack@24000" -> "tool";
            case "press@12000" -> "material";
            default -> null;
        };
    }

    private ShiftReport analyze(ShiftPeriod period, OeeSettings settings) throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir);
             AlarmJournalStore journal = new AlarmJournalStore(db)) {
            return new ShiftAnalyzer(new HistoryQuery(db), journal, settings,
                    Clock.fixed(period.end().plusSeconds(600), ZoneOffset.UTC)).analyze(period);
        }
    }

    private ShiftPeriod record() throws Exception {
        ShiftPeriod period = new ShiftCalendar(List.of(new ShiftDefinition("early", LocalTime.of(6, 0),
                LocalTime.of(14, 0), "A")), BERLIN).period(LocalDate.of(2026, 11, 26), "early");
        Instant start = period.start();
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            double packRun = 0;
            double pressRun = 0;
            long seq = 0;
            for (int s = 300; s < 28_800; s += 30) {
                if (s > 300) { // the counters count a part per running minute, recorded or not
                    packRun += packState(s - 30).equals("running") ? 0.5 : 0;
                    pressRun += pressState(s - 30).equals("running") ? 0.5 : 0;
                }
                if (!recording(s)) {
                    continue;
                }
                Instant t = start.plusSeconds(s);
                // pack's scrap: 3 at 07:40 (6 000 s), 4 while the HMI was off (9 000 s), 2 at 11:50 (21 000 s)
                int scrap = (s >= 6_000 ? 3 : 0) + (s >= 9_000 ? 4 : 0) + (s >= 21_000 ? 2 : 0);
                seq++;
                put(writer, PACK, packState(s), t, seq);
                put(writer, PRESS, pressState(s), t, seq);
                writer.put(new TagUpdate(sibling(PACK, "cycles"), TagValue.good(1_000 + Math.floor(packRun), t, t, seq)));
                writer.put(new TagUpdate(sibling(PRESS, "cycles"), TagValue.good(5_000 + Math.floor(pressRun), t, t, seq)));
                writer.put(new TagUpdate(sibling(PACK, "scrap"), TagValue.good(scrap, t, t, seq)));
                for (TagPath p : List.of(PACK, PRESS)) {
                    String r = reason(p.station(), s);
                    if (r != null) {
                        writer.put(new TagUpdate(sibling(p, "reason"), new TagValue(r, t, t, Quality.GOOD, seq)));
                    }
                }
            }
            writer.putGap(new TagGap(null, start.plusSeconds(18_000), start.plusSeconds(18_600), 0));
        }
        return period;
    }

    private static void put(HistoryWriter writer, TagPath path, String state, Instant t, long seq) {
        writer.put(new TagUpdate(path, new TagValue(state, t, t, Quality.GOOD, seq)));
    }

    private static TagPath sibling(TagPath p, String signal) {
        return new TagPath(p.site(), p.area(), p.line(), p.station(), signal);
    }

    private static OeeSettings settings(Duration packIdeal) {
        return new OeeSettings(GapRule.DEFAULT.holdFor(), false, Map.of("pack", packIdeal, "press", Duration.ofSeconds(30)),
                List.of("press", "pack"));
    }

    @Test
    void handComputedFiguresOfAShiftWithRecordingGaps() throws Exception {
        ShiftReport report = analyze(record(), settings(Duration.ofSeconds(50)));
        ShiftReport.Line line = report.lines().getFirst();
        assertEquals("pack", line.output());
        OeeFigures o = line.oee();

        // Unknown: before the first sample 0–300 (300 s); after 7 170 + 66 = 7 236 until 10 800 (3 564 s); the gap
        // row 18 000–18 600 (600 s); after 28 170 + 66 = 28 236 until 28 800 (564 s). 300+3564+600+564 = 5 028 s.
        assertEquals(Duration.ofHours(8), o.shiftTime());
        assertEquals(Duration.ofSeconds(5_028), o.unknown());
        // Running: 300–3600 (3 300) + 5400–7236 (1 836) + 10800–14400 (3 600) + 15600–18000 (2 400)
        //        + 18600–24000 (5 400) + 25200–28236 (3 036) = 19 572 s
        assertEquals(Duration.ofSeconds(19_572), o.runTime());
        // Planned = 28 800 − 5 028 = 23 772 s; down = jam 1 800 + changeover 1 200 + tool 1 200 = 4 200 s
        assertEquals(Duration.ofSeconds(23_772), o.plannedTime());
        assertEquals(Duration.ofSeconds(4_200), o.downTime());
        // Parts: the counter (1 a running minute) rose 84 by 7 170 s (55 + 29.5 running minutes, floored: 1 084),
        // then 61 across the HMI's absence (to 1 145 at 10 800 s, uncounted), 99 to 1 244 by 17 970 s, 11 across the
        // gap row (to 1 255 at 18 600 s, uncounted), 139 to 1 394 by 28 170 s. Counted 84+99+139 = 322; 61+11 = 72 not.
        assertEquals(322, o.total());
        assertEquals(72, o.uncounted());
        // Scrap: 3 + 2 recorded; the 4 made while the HMI was off are not in this shift's figures.
        assertEquals(5, o.scrap());
        // Availability 19 572 / 23 772; performance 50 × 322 / 19 572 = 16 100 / 19 572; quality 317 / 322;
        // OEE = 16 100 × 317 / (23 772 × 322) = 15 850 / 23 772 (the run time cancels)
        assertEquals(19_572.0 / 23_772, o.availability(), 1e-12);
        assertEquals(16_100.0 / 19_572, o.performance(), 1e-12);
        assertEquals(317.0 / 322, o.quality(), 1e-12);
        assertEquals(15_850.0 / 23_772, o.oee(), 1e-12);
        // 5 028 / 28 800 = 17.5 % unknown, under the 20 % limit, every ratio under 100 %: the figures may be signed.
        assertEquals(5_028.0 / 28_800, o.unknownShare(), 1e-12);
        assertTrue(o.valid(), o.flags().toString());

        // press: the same recording, one 900 s fault: run = 23 772 − 900 = 22 872 s
        OeeFigures press = line.stations().getFirst().oee();
        assertEquals("press", line.stations().getFirst().name());
        assertEquals(Duration.ofSeconds(5_028), press.unknown());
        assertEquals(Duration.ofSeconds(22_872), press.runTime());
        assertEquals(22_872.0 / 23_772, press.availability(), 1e-12);

        // Pareto of the line: jam 1 800, changeover 1 200 and tool 1 200 (equal: by name), material 900; of 5 100 s
        // cumulative 1 800 → 35.29 %, 3 000 → 58.82 %, 4 200 → 82.35 %, 5 100 → 100 %.
        assertEquals(List.of("jam", "changeover", "tool", "material"),
                line.pareto().stream().map(Downtime.ParetoBar::reason).toList());
        assertEquals(List.of(1_800L, 1_200L, 1_200L, 900L),
                line.pareto().stream().map(b -> b.total().toSeconds()).toList());
        assertEquals(List.of(1, 1, 1, 1), line.pareto().stream().map(Downtime.ParetoBar::stops).toList());
        assertEquals(100.0 * 1_800 / 5_100, line.pareto().get(0).cumulativePercent(), 1e-9);
        assertEquals(100.0 * 3_000 / 5_100, line.pareto().get(1).cumulativePercent(), 1e-9);
        assertEquals(100.0 * 4_200 / 5_100, line.pareto().get(2).cumulativePercent(), 1e-9);
        assertEquals(100.0, line.pareto().get(3).cumulativePercent(), 1e-9);
        assertEquals(322, line.produced().getLast().count(), "the output trend ends at the counted parts");
    }

    @Test
    void aFigureOver100PercentIsFlaggedNotPassed() throws Exception {
        // An ideal cycle of 80 s against a real 60 s: performance 80 × 322 / 19 572 = 1.316
        OeeFigures o = analyze(record(), settings(Duration.ofSeconds(80))).lines().getFirst().oee();
        assertEquals(80.0 * 322 / 19_572, o.performance(), 1e-12);
        assertEquals(List.of(OeeFigures.Flag.OVER_100), o.flags());
    }

    @Test
    void moreUnknownThanTheConfiguredShareIsFlagged() throws Exception {
        // The same 17.5 % unknown against a 15 % limit
        OeeSettings strict = new OeeSettings(GapRule.DEFAULT.holdFor(), false, Map.of("pack", Duration.ofSeconds(50)),
                List.of("press", "pack"), 0.15);
        OeeFigures o = analyze(record(), strict).lines().getFirst().oee();
        assertEquals(List.of(OeeFigures.Flag.UNKNOWN_SHARE), o.flags());
        assertTrue(!o.valid());
    }
}
