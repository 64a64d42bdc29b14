package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryException;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.TrendBucket;
import io.lineside.tags.StationId;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend's behaviour on a real H2 file, with same-thread or hand-run executors instead of the toolkit. */
class TrendViewModelTest {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Executor SAME_THREAD = Runnable::run;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private static TrendViewModel model(TrendSource source, Executor background) {
        TrendViewModel model = new TrendViewModel(source, background, SAME_THREAD, Texts.forLocale(Locale.ENGLISH), ZONE);
        model.setStationModel(io.lineside.testsupport.TestStations.demoLike(new io.lineside.tags.TagStore())::describe);
        return model;
    }

    /** 20 minutes of 1 Hz temperature, speed and cycles up to {@link #NOW}. */
    private static void record(HistoryDatabase db) throws Exception {
        try (HistoryWriter writer = new HistoryWriter(db)) {
            for (int s = 0; s < 1_200; s++) {
                Instant t = NOW.minusSeconds(1_200).plusSeconds(s);
                writer.put(new TagUpdate(PRESS.signal("temperature"), TagValue.good(40 + s % 10, t, t, s + 1)));
                writer.put(new TagUpdate(PRESS.signal("speed"), TagValue.good(50 - s % 5, t, t, s + 1)));
                writer.put(new TagUpdate(PRESS.signal("cycles"), TagValue.good(s, t, t, s + 1)));
            }
        }
    }

    @Test
    void openingAStationShowsItsSignalsOverTheLastFifteenMinutesLiveDownSampledInTheDatabase() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            TrendData data = model.dataProperty().get();
            assertEquals("line-1 / press", model.titleProperty().get());
            assertEquals("", model.messageProperty().get());
            assertFalse(model.busyProperty().get());
            assertTrue(model.liveProperty().get());
            assertEquals(new TrendRange(NOW.minus(TrendViewModel.WINDOW), NOW), data.range());
            assertEquals(List.of("temperature", "speed"), data.pens().stream().map(p -> p.path().signal()).toList());
            assertEquals("\u00B0C", data.pens().getFirst().unit());
            List<TrendBucket> temperature = data.buckets().getFirst();
            assertTrue(temperature.size() <= TrendViewModel.DEFAULT_WIDTH && temperature.size() >= 290,
                    "buckets: " + temperature.size());
            assertTrue(temperature.stream().allMatch(b -> b.min() >= 40 && b.max() <= 49));
            assertEquals(List.of(PRESS.signal("cycles")), model.candidates(), "the station's other tag can be added");
        }
    }

    @Test
    void theQueryAsksForOneBucketPerPixelOfThePlot() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            HistoryQuery query = new HistoryQuery(db);
            List<Integer> asked = new ArrayList<>();
            TrendViewModel model = model((p, f, t, b) -> {
                asked.add(b);
                return query.trend(p, f, t, b);
            }, SAME_THREAD);
            model.open(PRESS, NOW);
            model.setWidth(1_237);
            assertEquals(List.of(300, 300, 1_237, 1_237), asked);
            assertEquals(900, model.dataProperty().get().buckets().getFirst().size(), "1 Hz into 0.73 s buckets");
            assertEquals(1, model.dataProperty().get().segments(0).size(),
                    "empty buckets between 1 Hz samples are not gaps: the line stays whole");
            model.setWidth(1_237);
            assertEquals(4, asked.size(), "an unchanged width does not query again");
        }
    }

    @Test
    void aRecordedGapSplitsTheLineWhereBucketsOnBothSidesHoldValues() throws Exception {
        Instant from = NOW.minus(TrendViewModel.WINDOW);
        Instant lost = from.plusSeconds(450); // 3 s buckets: its neighbours 449 and 451 fall in adjacent buckets
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                for (int s = 0; s < 900; s++) {
                    Instant t = from.plusSeconds(s);
                    if (!t.equals(lost)) {
                        for (String signal : List.of("temperature", "speed")) {
                            writer.put(new TagUpdate(PRESS.signal(signal), TagValue.good(40 + s % 7, t, t, s + 1)));
                        }
                    }
                }
                writer.putGap(new TagGap(PRESS.signal("temperature"), lost.minusSeconds(1), lost.plusSeconds(1), 1));
            }
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            TrendData data = model.dataProperty().get();
            assertEquals(TrendViewModel.DEFAULT_WIDTH, data.buckets().getFirst().size(), "no empty bucket");
            List<List<TrendSegments.Point>> temperature = data.segments(0);
            assertEquals(2, temperature.size(), "the line breaks at the gap");
            double breakAt = lost.getEpochSecond();
            assertTrue(temperature.get(0).getLast().time() < breakAt, "first run ends before the gap");
            assertEquals(breakAt, temperature.get(1).getFirst().time(), "second run starts at the next bucket");
            assertEquals(1, data.segments(1).size(), "speed recorded no gap: one unbroken line");
        }
    }

    @Test
    void wheelZoomKeepsTheInstantUnderTheCursorAndLeavesLiveModeUntilLiveIsPressed() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            Instant underCursor = model.rangeProperty().get().at(0.75);
            model.zoom(0.75, 0.5);
            TrendRange zoomed = model.dataProperty().get().range();
            assertEquals(Duration.ofSeconds(450), zoomed.span());
            assertEquals(underCursor, zoomed.at(0.75));
            assertFalse(model.liveProperty().get(), "zooming is looking back: historical");
            model.pulse(NOW.plusSeconds(5));
            assertEquals(zoomed, model.rangeProperty().get(), "a historical window does not follow now");
            model.goLive();
            assertTrue(model.liveProperty().get());
            assertEquals(new TrendRange(NOW.plusSeconds(5).minusSeconds(450), NOW.plusSeconds(5)),
                    model.dataProperty().get().range(), "live again: the same span ending at the latest pulse");
        }
    }

    @Test
    void dragPansByTheDraggedFractionAndABoxSelectsItsPartOfTheWindow() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            model.pan(-0.5);
            assertEquals(new TrendRange(NOW.minusSeconds(1_350), NOW.minusSeconds(450)),
                    model.dataProperty().get().range());
            model.zoomTo(0.8, 0.2); // dragged right to left
            assertEquals(new TrendRange(NOW.minusSeconds(1_170), NOW.minusSeconds(630)),
                    model.dataProperty().get().range());
            model.preset(Duration.ofHours(8));
            assertEquals(new TrendRange(NOW.minusSeconds(630).minus(Duration.ofHours(8)), NOW.minusSeconds(630)),
                    model.rangeProperty().get(), "a preset while historical keeps the window's end");
        }
    }

    @Test
    void liveModeFollowsNowRereadingOncePerBucketWidthAndNeverStacksQueries() {
        List<Runnable> background = new ArrayList<>();
        List<Instant> queriedTo = new ArrayList<>();
        TrendViewModel model = model((p, f, t, b) -> {
            queriedTo.add(t);
            return List.of();
        }, background::add);
        model.open(PRESS, NOW); // 15 min over 300 px: a 3 s bucket
        assertTrue(model.busyProperty().get(), "the progress indicator shows while the query runs");
        model.pulse(NOW.plusSeconds(5));
        assertEquals(1, background.size(), "no second query while one runs");
        background.removeFirst().run();
        assertFalse(model.busyProperty().get());
        model.pulse(NOW.plusSeconds(5));
        assertEquals(1, background.size());
        background.removeFirst().run();
        model.pulse(NOW.plusSeconds(7));
        assertTrue(background.isEmpty(), "two seconds later: not yet a pixel further");
        model.pulse(NOW.plusSeconds(8));
        background.removeFirst().run();
        assertEquals(List.of(NOW, NOW, NOW.plusSeconds(5), NOW.plusSeconds(5), NOW.plusSeconds(8),
                NOW.plusSeconds(8)), queriedTo, "two pens per query, each window ending at the pulse");
        model.setWidth(1_800); // 0.5 s buckets: the one-second floor applies
        background.removeFirst().run();
        model.pulse(NOW.plusMillis(8_900));
        assertTrue(background.isEmpty(), "at most once per second");
        model.pulse(NOW.plusSeconds(9));
        assertEquals(1, background.size());
    }

    @Test
    void aLongLiveWindowIsReReadOncePerBucketWidthNotEverySecond() {
        List<Instant> queriedTo = new ArrayList<>();
        TrendViewModel model = model((p, f, t, b) -> {
            queriedTo.add(t);
            return List.of();
        }, SAME_THREAD);
        model.open(PRESS, NOW);
        model.setWidth(1_600);
        model.preset(Duration.ofHours(8));
        queriedTo.clear();
        model.pulse(NOW.plusSeconds(17));
        assertTrue(queriedTo.isEmpty(), "8 h over 1,600 px: one pixel is 18 s");
        model.pulse(NOW.plusSeconds(18));
        assertEquals(List.of(NOW.plusSeconds(18), NOW.plusSeconds(18)), queriedTo);
        assertTrue(model.liveProperty().get(), "a preset keeps live mode");
    }

    @Test
    void aNewerRequestSupersedesTheRunningOneWhoseResultIsDroppedAndWhoseRemainingPensAreNotRead() {
        List<Runnable> background = new ArrayList<>();
        List<TrendRange> read = new ArrayList<>();
        TrendViewModel model = model((p, f, t, b) -> {
            read.add(new TrendRange(f, t));
            return List.of(new TrendBucket(f, t, 1, 2, 1, 2, 1, 1, io.lineside.tags.Quality.GOOD));
        }, background::add);
        model.open(PRESS, NOW);
        model.zoom(1.0, 0.5);
        model.pan(-0.5);
        assertEquals(1, background.size(), "one query at a time per chart");
        background.removeFirst().run();
        assertTrue(read.isEmpty(), "the first query saw it was superseded before reading a pen");
        assertNull(model.dataProperty().get(), "its result is dropped");
        assertTrue(model.busyProperty().get());
        assertEquals(1, background.size(), "only the newest request runs next; the middle one is skipped");
        background.removeFirst().run();
        TrendRange newest = new TrendRange(NOW.minusSeconds(675), NOW.minusSeconds(225));
        assertEquals(newest, model.dataProperty().get().range());
        assertEquals(List.of(newest, newest), read);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aHistoryErrorIsShownInTheViewNotThrown() {
        TrendViewModel model = model((p, f, t, b) -> {
            throw new HistoryException("cannot read the trend of " + p + ": disk unreadable", null);
        }, SAME_THREAD);
        model.open(PRESS, NOW);
        assertEquals("History unavailable: cannot read the trend of demo/assembly/line-1/press/temperature: disk "
                + "unreadable", model.messageProperty().get());
        assertNull(model.dataProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void anErrorInAQueryEndsItVisiblyAndTheNextRequestStillRuns() {
        List<String> asked = new ArrayList<>();
        TrendViewModel model = model((p, f, t, b) -> {
            asked.add(p.signal());
            if (asked.size() == 1) {
                throw new NoClassDefFoundError("org/h2/mvstore/Missing");
            }
            return List.of();
        }, SAME_THREAD);
        model.open(PRESS, NOW);
        assertEquals("History unavailable: NoClassDefFoundError: org/h2/mvstore/Missing",
                model.messageProperty().get());
        assertFalse(model.busyProperty().get(), "no spinner for ever (issue 20)");
        model.goLive(NOW.plusSeconds(5));
        assertEquals(3, asked.size(), "the chart is not stuck: the next request reads both pens");
    }

    @Test
    void aStationWithoutHistorySaysSo() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            assertEquals("No history recorded for this station yet.", model.messageProperty().get());
        }
    }

    @Test
    void pensCanBeAddedFromTheStationsTagsAndRemovedAgain() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            model.addPen(PRESS.signal("cycles"));
            TrendData data = model.dataProperty().get();
            assertEquals(3, data.pens().size());
            assertEquals("press Parts", data.pens().get(2).label());
            assertEquals(1_199.0, data.buckets().get(2).getLast().last(), "the newest cycle count");
            assertTrue(model.candidates().isEmpty());
            model.removePen(PRESS.signal("speed"));
            assertEquals(List.of("temperature", "cycles"),
                    model.dataProperty().get().pens().stream().map(p -> p.path().signal()).toList());
            assertEquals(List.of(PRESS.signal("speed")), model.candidates());
        }
    }

    @Test
    void theShiftReviewShowsAnyPensOverAnyWindowHistorically() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            List<TagPath> pens = List.of(PRESS.signal("speed"), PRESS.signal("cycles"));
            model.show(pens, NOW.minusSeconds(600), NOW.minusSeconds(300), "Shift A");
            assertEquals("Shift A", model.titleProperty().get());
            assertFalse(model.liveProperty().get());
            TrendData data = model.dataProperty().get();
            assertEquals(pens, data.pens().stream().map(TrendPen::path).toList());
            assertEquals(600.0, data.buckets().get(1).getFirst().first(), "cycles at 10 min before now");
            model.pulse(NOW.plusSeconds(10));
            assertEquals(data, model.dataProperty().get(), "historical: no reload");
        }
    }

    @Test
    void exportWritesTheShownBucketTable() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            TrendViewModel model = model(TrendSource.of(new HistoryQuery(db)), SAME_THREAD);
            model.open(PRESS, NOW);
            Path file = dir.resolve("trend.csv");
            model.export(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            TrendData data = model.dataProperty().get();
            int rows = data.buckets().get(0).size() + data.buckets().get(1).size();
            assertEquals(1 + rows, lines.size());
            assertEquals(TrendCsv.HEADER, lines.getFirst());
            TrendBucket first = data.buckets().getFirst().getFirst();
            assertEquals("\"2026-11-23T15:45:00+08:00\",\"demo/assembly/line-1/press/temperature\"," + first.min() + ","
                    + first.max() + "," + first.first() + "," + first.last() + "," + first.count() + ",\"GOOD\"",
                    lines.get(1));
            assertEquals("Exported " + rows + " rows to " + file, model.messageProperty().get());
            assertFalse(Files.exists(dir.resolve("trend.csv.part")));
        }
    }
}
