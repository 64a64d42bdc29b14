package io.lineside.ui.workshop;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Lifecycle;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLeaks;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The workshop overview lets go of its view-model when rebuilt by a language switch or closed: its line and station
 * lists and every tile's state and quality listeners, including tiles and lines added while it was shown.
 */
class WorkshopViewLeakTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private final TagStore store = new TagStore();
    private int stations;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void publishNewStation(WorkshopViewModel model) {
        int n = stations++;
        StationId id = new StationId("demo", "assembly", "line-" + (n % 2 + 1), "station-" + n);
        store.apply(new TagUpdate(id.signal("state"), new TagValue("running", T0, T0, Quality.GOOD, 1)));
        model.pulse(T0.plusSeconds(n));
    }

    @Test
    void aRebuiltOrClosedWorkshopViewIsCollected() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        WorkshopViewModel model = new WorkshopViewModel(store, texts, java.time.Duration.ofDays(1));
        publishNewStation(model);
        Lifecycle screen = model.lifecycle();
        ViewLeaks.assertReleasedOnSwitchAndClose(texts, WorkshopView.class,
                () -> new WorkshopView(model, texts), "window.workshop", screen, () -> {
                    publishNewStation(model); // a tile on a known line, then a line of its own, while shown
                    publishNewStation(model);
                });
        publishNewStation(model); // the view-model lives on
        model.dispose();
    }
}
