package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.tags.StationId;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend pane's behaviour on a real H2 file, with same-thread executors instead of the toolkit. */
class TrendViewModelTest {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;

    @Test
    void openingAStationLoadsFifteenMinutesDownSampledFromHistory() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                for (int s = 0; s < 1_200; s++) {
                    Instant t = NOW.minusSeconds(1_200).plusSeconds(s);
                    writer.accept(new TagUpdate(PRESS.signal("temperature"), TagValue.good(40 + s % 10, t, t, s + 1)));
                }
            }
            TrendViewModel model = new TrendViewModel(new HistoryQuery(db)::trend, SAME_THREAD, SAME_THREAD,
                    Texts.forLocale(Locale.ENGLISH));
            model.open(PRESS, NOW);
            TrendViewModel.TrendData data = model.dataProperty().get();
            assertEquals("Last 15 minutes \u2014 line-1 / press", model.titleProperty().get());
            assertEquals("", model.messageProperty().get());
            assertFalse(model.busyProperty().get());
            assertEquals(NOW.minus(TrendViewModel.WINDOW), data.from());
            var buckets = data.signals().get("temperature");
            assertTrue(buckets.size() <= TrendViewModel.BUCKETS && buckets.size() >= 290, "buckets: " + buckets.size());
            assertTrue(buckets.stream().allMatch(b -> b.min() >= 40 && b.max() <= 49));
            assertTrue(data.signals().get("speed").isEmpty());
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
            TrendViewModel model = new TrendViewModel(TrendSource.of(new HistoryQuery(db)), SAME_THREAD,
                    SAME_THREAD, Texts.forLocale(Locale.ENGLISH));
            model.open(PRESS, NOW);
            TrendViewModel.TrendData data = model.dataProperty().get();
            assertEquals(TrendViewModel.BUCKETS, data.signals().get("temperature").size(), "no empty bucket");
            List<List<TrendSegments.Point>> temperature = data.segments("temperature");
            assertEquals(2, temperature.size(), "the line breaks at the gap");
            double breakAt = lost.getEpochSecond();
            assertTrue(temperature.get(0).getLast().time() < breakAt, "first run ends before the gap");
            assertEquals(breakAt, temperature.get(1).getFirst().time(), "second run starts at the next bucket");
            assertEquals(1, data.segments("speed").size(), "speed recorded no gap: one unbroken line");
        }
    }

    @Test
    void aStationWithoutHistorySaysSo() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            TrendViewModel model = new TrendViewModel(new HistoryQuery(db)::trend, SAME_THREAD, SAME_THREAD,
                    Texts.forLocale(Locale.ENGLISH));
            model.open(PRESS, NOW);
            assertEquals("No history recorded for this station yet.", model.messageProperty().get());
        }
    }

    @Test
    void aFailingQueryIsShownNotThrown() {
        TrendViewModel model = new TrendViewModel((p, f, t, b) -> {
            throw new IllegalStateException("disk unreadable");
        }, SAME_THREAD, SAME_THREAD, Texts.forLocale(Locale.ENGLISH));
        model.open(PRESS, NOW);
        assertEquals("History unavailable: disk unreadable", model.messageProperty().get());
        assertNull(model.dataProperty().get());
    }

    @Test
    void livePulseReloadsEveryTwoSecondsAndStaleResultsAreDropped() {
        List<Runnable> background = new ArrayList<>();
        List<Instant> queried = new ArrayList<>();
        TrendViewModel model = new TrendViewModel((p, f, t, b) -> {
            queried.add(t);
            return List.of();
        }, background::add, SAME_THREAD, Texts.forLocale(Locale.ENGLISH));
        model.open(PRESS, NOW);
        assertTrue(model.busyProperty().get());
        model.pulse(NOW.plusSeconds(5));
        assertEquals(1, background.size(), "no second query while one runs");
        model.open(new StationId("demo", "assembly", "line-2", "weld"), NOW.plusSeconds(1));
        background.remove(0).run();
        assertNull(model.dataProperty().get(), "the press result arrived after weld was opened");
        background.remove(0).run();
        assertEquals("line-2", model.dataProperty().get().station().line());
        model.pulse(NOW.plusSeconds(2));
        assertTrue(background.isEmpty());
        model.pulse(NOW.plusSeconds(3));
        assertEquals(1, background.size());
    }
}
