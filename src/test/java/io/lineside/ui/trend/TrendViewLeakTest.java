package io.lineside.ui.trend;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLeaks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The trend pane lets go of its view-model (and its scene's pulse) when rebuilt by a language switch or closed. */
class TrendViewLeakTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRebuiltOrClosedTrendViewIsCollected() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            TrendViewModel model = new TrendViewModel(TrendSource.of(new HistoryQuery(db)), Runnable::run,
                    Runnable::run, texts, ZONE);
            model.setStationModel(io.lineside.testsupport.TestStations.demoLike(new io.lineside.tags.TagStore())
                    ::describe);
            Instant now = Instant.parse("2026-11-26T08:00:00Z");
            model.open(new StationId("demo", "assembly", "line-1", "press"), now);
            ViewLeaks.assertReleasedOnSwitchAndClose(texts, TrendView.class, () -> new TrendView(model, texts, ZONE),
                    "window.trend", model, () -> model.pulse(now));
            model.pulse(now); // the view-model lives on
        }
    }
}
