package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;

/**
 * The trend pane as the operator sees it, from a real H2 file: four pens with own axes over an hour, a lost
 * stretch (a gap), a BAD stretch, and the cursor's value box. Writes target/screenshots/trend-*.png for review.
 */
class TrendViewScreenshotTest {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final TagPath WELD = new StationId("demo", "assembly", "line-1", "weld").signal("temperature");
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static void record(HistoryDatabase db) throws Exception {
        Random random = new Random(7);
        Instant lostFrom = NOW.minus(Duration.ofMinutes(38));
        Instant lostTo = NOW.minus(Duration.ofMinutes(33));
        Instant badFrom = NOW.minus(Duration.ofMinutes(16));
        Instant badTo = NOW.minus(Duration.ofMinutes(13));
        try (HistoryWriter writer = new HistoryWriter(db)) {
            double speed = 52;
            for (int s = 0; s < 3_900; s++) {
                Instant t = NOW.minusSeconds(3_900).plusSeconds(s);
                double temperature = 46 + 4 * Math.sin(s / 400.0) + random.nextGaussian() * 0.3;
                speed += (52 - speed) * 0.02 + random.nextGaussian() * 0.4 - (s > 1_500 && s < 1_560 ? 1.5 : 0);
                boolean lost = !t.isBefore(lostFrom) && t.isBefore(lostTo);
                if (!lost) {
                    TagValue temp = TagValue.good(temperature, t, t, s + 1);
                    boolean bad = !t.isBefore(badFrom) && t.isBefore(badTo);
                    writer.put(new TagUpdate(PRESS.signal("temperature"), bad ? temp.withQuality(Quality.BAD) : temp));
                    writer.put(new TagUpdate(PRESS.signal("speed"), TagValue.good(speed, t, t, s + 1)));
                    writer.put(new TagUpdate(PRESS.signal("cycles"), TagValue.good(12_000 + s / 3, t, t, s + 1)));
                }
                writer.put(new TagUpdate(WELD, TagValue.good(182 + 6 * Math.sin(s / 150.0)
                        + random.nextGaussian() * 0.3, t, t, s + 1)));
            }
            writer.putGap(new TagGap(PRESS.signal("temperature"), lostFrom, lostTo, 300));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN", "en-night", "en-1280x800", "zh-CN-1280x800", "en-1920x1080",
            "zh-CN-1920x1080"})
    void aStationHourWithAGapABadStretchAndTheCursor(String variant) throws Exception {
        String language = variant.startsWith("zh-CN") ? "zh-CN" : "en";
        String theme = variant.endsWith("-night") ? "night" : "day";
        int width = variant.endsWith("1920x1080") ? 1920 : 1280;
        int height = variant.endsWith("1920x1080") ? 1080 : variant.endsWith("1280x800") ? 800 : 600;
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            record(db);
            Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
            TrendViewModel model = new TrendViewModel(TrendSource.of(new HistoryQuery(db)), SAME_THREAD, SAME_THREAD,
                    texts, ZONE);
            model.setStationModel(io.lineside.testsupport.TestStations.demoLike(new io.lineside.tags.TagStore())::describe);
            TrendView[] view = new TrendView[1];
            Map<Class<?>, Supplier<?>> controllers = Map.of(TrendView.class,
                    () -> view[0] = new TrendView(model, texts, ZONE));
            Path shot = FxToolkit.setupFixture(() -> {
                Parent root = new ViewLoader(texts.bundle(), controllers).load(TrendView.class);
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside.css").toExternalForm());
                if (theme.equals("night")) {
                    scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside-dark.css").toExternalForm());
                }
                model.open(PRESS, NOW);
                model.preset(Duration.ofHours(1));
                model.addPen(PRESS.signal("cycles"));
                model.addPen(WELD);
                root.applyCss();
                root.layout();
                root.layout();
                TrendChart chart = view[0].chart();
                Node canvas = chart.getChildrenUnmodifiable().getFirst();
                double x = chart.getWidth() * 0.5;
                Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, x, 200, x, 200, MouseButton.NONE, 0,
                        false, false, false, false, false, false, false, false, false, false, null));
                chart.paintNow();
                assertEquals(4, chart.getData().pens().size());
                assertTrue(zoneInk(chart) > 30, "the time axis names the plant zone at its right end");
                assertTrue(chart.getData().buckets().getFirst().size() > 900, "about one bucket per plot pixel");
                return Screenshots.save(root, "trend-" + variant);
            });
            assertTrue(shot.toFile().length() > 20_000);
        }
    }

    /** Ink pixels where the time axis names its zone ("Times in Asia/Shanghai", right-aligned under the plot). */
    private static int zoneInk(TrendChart chart) {
        javafx.scene.SnapshotParameters fill = new javafx.scene.SnapshotParameters();
        fill.setFill(chart.paletteProperty().get().plot()); // the canvas is transparent outside the plot
        javafx.scene.image.WritableImage image = chart.snapshot(fill, null);
        TrendPainter.Plot p = new TrendPainter(ZONE, Texts.forLocale(Locale.ENGLISH), false)
                .plot(chart.getWidth(), chart.getHeight(), 4);
        int ink = 0;
        javafx.scene.paint.Color background = image.getPixelReader().getColor((int) p.right() - 60,
                (int) p.bottom() + 18);
        for (int x = (int) p.right() - 60; x < (int) p.right(); x++) {
            for (int y = (int) p.bottom() + 5; y < (int) p.bottom() + 17; y++) {
                javafx.scene.paint.Color c = image.getPixelReader().getColor(x, y);
                ink += Math.abs(c.getBrightness() - background.getBrightness()) > 0.3 ? 1 : 0;
            }
        }
        return ink;
    }
}
