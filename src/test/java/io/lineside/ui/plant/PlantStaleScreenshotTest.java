package io.lineside.ui.plant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmSnapshot;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;

/**
 * The plant overview with one live line and one whose stations went stale (their broker link lost): writes
 * target/screenshots/plant-stale-*.png for review (en and zh-CN, 1280x800 and 1920x1080).
 */
class PlantStaleScreenshotTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @CsvSource({"en, 1280, 800", "zh-CN, 1280, 800", "en, 1920, 1080", "zh-CN, 1920, 1080"})
    void aStaleLineSaysStaleNotRunning(String language, int width, int height) throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        TagStore store = new TagStore();
        for (String line : new String[] {"line-1", "line-2"}) {
            for (String station : new String[] {"load", "press", "pack"}) {
                StationId id = new StationId("demo", "assembly", line, station);
                store.apply(new TagUpdate(id.signal("state"), new TagValue("running", T0, T0, Quality.GOOD, 1)));
                store.apply(new TagUpdate(id.signal("cycles"), new TagValue(100.0, T0, T0, Quality.GOOD, 1)));
            }
        }
        PlantViewModel model = new PlantViewModel(store, () -> AlarmSnapshot.empty(T0), l -> 3_600, texts);
        model.pulse(T0);
        store.markStale(java.util.List.of(new StationId("demo", "assembly", "line-2", "load").signal("state"),
                new StationId("demo", "assembly", "line-2", "press").signal("state"),
                new StationId("demo", "assembly", "line-2", "pack").signal("state")), T0.plusSeconds(15), u -> { });
        model.pulse(T0.plusSeconds(15));
        Map<Class<?>, Supplier<?>> controllers = Map.of(PlantView.class, () -> new PlantView(model, texts));
        Path shot = FxToolkit.setupFixture(() -> {
            Parent root = new ViewLoader(texts.bundle(), controllers).load(PlantView.class);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside.css").toExternalForm());
            root.applyCss();
            root.layout();
            return Screenshots.save(root, "plant-stale-" + language + "-" + width + "x" + height);
        });
        assertTrue(shot.toFile().length() > 5_000);
        String text = model.lines().get(1).stateTextProperty().get();
        assertTrue(text.startsWith(texts.quality(Quality.STALE)), text);
    }
}
