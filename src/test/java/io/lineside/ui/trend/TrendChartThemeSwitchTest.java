package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: a historical trend (data set once, no live refresh) switched to the night theme kept its light plot and
 * dark-grey axis labels until Live was pressed, because the colours were read only when new data asked for a layout.
 * In a shown window, the theme switch alone must repaint it dark.
 */
class TrendChartThemeSwitchTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static TrendData history() {
        List<TrendBucket> buckets = new ArrayList<>();
        for (int s = 0; s < 300; s++) {
            double v = 50 + 10 * Math.sin(s / 20.0);
            Instant start = T0.plusSeconds(s);
            buckets.add(new TrendBucket(start, start.plusSeconds(1), v - 1, v + 1, v - 1, v + 1, 4, 4, Quality.GOOD));
        }
        return new TrendData(List.of(new TrendPen(TagPath.parse("demo/a/line-1/press/temperature"), "press", "\u00B0C")),
                new TrendRange(T0, T0.plusSeconds(300)), List.of(buckets), List.of(List.<TagGap>of()));
    }

    private static List<String> sheets(Theme theme) {
        return theme.stylesheetUrls();
    }

    @Test
    void aHistoricalTrendTurnsDarkWithTheNightThemeWithoutNewData() throws Exception {
        Stage[] stage = new Stage[1];
        TrendChart[] chart = new TrendChart[1];
        WaitForAsyncUtils.asyncFx(() -> {
            chart[0] = new TrendChart(ZoneId.of("UTC"), Texts.forLocale(Locale.ENGLISH));
            Scene scene = new Scene(new StackPane(chart[0]), 640, 320);
            scene.getStylesheets().setAll(sheets(Theme.LIGHT));
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            chart[0].setData(history());
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Color day = WaitForAsyncUtils.asyncFx(() -> chart[0].paletteProperty().get().plot()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> stage[0].getScene().getStylesheets().setAll(sheets(Theme.DARK)))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents(); // pulses, as after the Display menu's theme switch
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            WritableImage shot = stage[0].getScene().getRoot().snapshot(null, null);
            Screenshots.save(stage[0].getScene().getRoot(), "trend-history-night");
            stage[0].close();
            return shot;
        }).get(10, TimeUnit.SECONDS);
        Color plot = image.getPixelReader().getColor(320, 40);
        assertTrue(day.getBrightness() > 0.7, "starts light: " + day);
        assertTrue(plot.getBrightness() < 0.3, "the plot is dark after the switch, was " + plot);
    }
}
