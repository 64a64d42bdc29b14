package io.lineside.ui.workshop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Review screenshot of three station tiles fed through a mapping's metadata: configured units, an out-of-range
 * temperature (UNCERTAIN, flagged), and a publisher with a skewed clock. Headless; opens no window.
 */
class StationTileFlagsScreenshotIT {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void tilesShowConfiguredUnitsAndWhyAValueIsNotGood() throws Exception {
        TagStore store = new TagStore();
        WorkshopViewModel model = new WorkshopViewModel(store, Texts.forLocale(Locale.ENGLISH), Duration.ofDays(1));
        StationId normal = new StationId("p1", "assembly", "line-1", "press");
        StationId hot = new StationId("p1", "assembly", "line-1", "weld");
        StationId skewed = new StationId("p1", "assembly", "line-1", "paint");
        for (StationId id : new StationId[] {normal, hot, skewed}) {
            store.describe(id.signal("speed"), new TagMeta("u/min", 0, 120, Duration.ofSeconds(1)));
            store.describe(id.signal("temperature"), new TagMeta("°F", 32, 480, Duration.ofSeconds(1)));
            store.apply(new TagUpdate(id.signal("state"), new TagValue("running", T0, T0, Quality.GOOD, 1)));
            store.apply(new TagUpdate(id.signal("speed"), TagValue.good(42, T0, T0, 1)));
            store.apply(new TagUpdate(id.signal("cycles"), TagValue.good(1204, T0, T0, 1)));
        }
        store.apply(new TagUpdate(normal.signal("temperature"), TagValue.good(181.5, T0, T0, 1)));
        store.apply(new TagUpdate(hot.signal("temperature"),
                new TagValue(912.0, T0, T0, Quality.UNCERTAIN, 1, TagValue.OUT_OF_RANGE)));
        store.apply(new TagUpdate(skewed.signal("temperature"),
                new TagValue(175.0, T0.plusSeconds(42), T0, Quality.GOOD, 1, TagValue.CLOCK_SKEW)));
        AtomicReference<Path> shot = new AtomicReference<>();
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        WaitForAsyncUtils.asyncFx(() -> {
            model.pulse(T0.plusMillis(400));
            HBox row = new HBox(12, new StationTile(model.tile(normal), texts), new StationTile(model.tile(hot), texts),
                    new StationTile(model.tile(skewed), texts));
            row.setPadding(new Insets(12));
            row.getStyleClass().add("workshop");
            Scene scene = new Scene(row);
            scene.getStylesheets().add(StationTile.class.getResource("/io/lineside/ui/lineside.css").toExternalForm());
            row.applyCss();
            row.layout();
            shot.set(Screenshots.save(row, "station-tiles-mapped-units-and-flags"));
        }).get();
        assertTrue(Files.size(shot.get()) > 1_000);
        assertTrue(model.tile(hot).qualityTextProperty().get().contains("out of range"));
        assertTrue(model.tile(skewed).qualityTextProperty().get().contains("clock skew"));
        model.dispose();
    }
}
