package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * What the canvas chart actually paints, read back from a snapshot: no ink across a gap, grey hatching over a BAD
 * stretch, ink where values are. One pen, one bucket per pixel column, so columns map to buckets exactly.
 */
class TrendChartPixelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    /** 400 px canvas, one y-axis on the left (52 px) and an 8 px margin right: a 340 px plot. */
    private static final int LEFT = 52;
    private static final int PLOT_WIDTH = 340;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Good sine values except: no buckets for seconds 100..139 (a gap), BAD without values for 200..239. */
    private static TrendData data() {
        List<TrendBucket> buckets = new ArrayList<>();
        for (int s = 0; s < PLOT_WIDTH; s++) {
            Instant start = T0.plusSeconds(s);
            if (s >= 100 && s < 140) {
                continue;
            }
            if (s >= 200 && s < 240) {
                buckets.add(new TrendBucket(start, start.plusSeconds(1), Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, 1, 0, Quality.BAD));
                continue;
            }
            double v = 50 + 10 * Math.sin(s / 20.0);
            buckets.add(new TrendBucket(start, start.plusSeconds(1), v - 1, v + 1, v - 1, v + 1, 4, 4, Quality.GOOD));
        }
        return new TrendData(List.of(new TrendPen(TagPath.parse("demo/a/line-1/press/temperature"), "press", "\u00B0C")),
                new TrendRange(T0, T0.plusSeconds(PLOT_WIDTH)), List.of(buckets), List.of(List.<TagGap>of()));
    }

    @Test
    void aGapLeavesColumnsWithoutInkAndABadStretchIsHatchedGrey() throws Exception {
        WritableImage image = FxToolkit.setupFixture(() -> {
            TrendChart chart = new TrendChart(ZoneId.of("UTC"), Texts.forLocale(Locale.ENGLISH));
            StackPane root = new StackPane(chart);
            new Scene(root, 400, 220);
            chart.setData(data());
            root.applyCss();
            root.layout();
            chart.paintNow();
            assertEquals(PLOT_WIDTH, chart.plotWidthProperty().get(), "one bucket per plot pixel");
            io.lineside.testsupport.Screenshots.save(root, "trend-pixels");
            return root.snapshot(null, null);
        });
        PixelReader pixels = image.getPixelReader();
        int top = 24;
        int bottom = 196;
        assertTrue(darkPixels(pixels, LEFT + 50, top, bottom) > 0, "values are drawn (the test can see ink)");
        for (int x = LEFT + 102; x < LEFT + 138; x++) {
            assertEquals(0, darkPixels(pixels, x, top, bottom), "no ink in gap column " + x);
        }
        int shaded = 0;
        int hatched = 0;
        for (int y = top; y < bottom; y++) {
            Color c = pixels.getColor(LEFT + 220, y);
            shaded += near(c, TrendPainter.SHADE) ? 1 : 0;
            hatched += near(c, TrendPainter.HATCH) ? 1 : 0;
        }
        assertTrue(shaded > 50, "grey band over the BAD bucket: " + shaded);
        assertTrue(hatched > 5, "hatching, so the band does not rely on shade alone: " + hatched);
        assertTrue(near(pixels.getColor(LEFT + 170, 100), TrendPainter.PLOT)
                || darkPixels(pixels, LEFT + 170, top, bottom) > 0, "a GOOD column is not shaded");
        assertEquals(0, countNear(pixels, LEFT + 170, top, bottom, TrendPainter.SHADE), "no band where all is GOOD");
    }

    @Test
    void wheelDragAndRightDragBecomeZoomPanAndBoxRequestsInPlotFractions() throws Exception {
        List<String> requests = FxToolkit.setupFixture(() -> {
            TrendChart chart = new TrendChart(ZoneId.of("UTC"), Texts.forLocale(Locale.ENGLISH));
            StackPane root = new StackPane(chart);
            new Scene(root, 400, 220);
            chart.setData(data());
            root.applyCss();
            root.layout();
            List<String> seen = new ArrayList<>();
            chart.setOnZoom((anchor, factor) -> seen.add(String.format(Locale.ROOT, "zoom %.2f x%.2f", anchor, factor)));
            chart.setOnPan(f -> seen.add(String.format(Locale.ROOT, "pan %.2f", f)));
            chart.setOnSelect((a, b) -> seen.add(String.format(Locale.ROOT, "box %.2f %.2f", a, b)));
            javafx.scene.Node canvas = chart.getChildrenUnmodifiable().getFirst();
            javafx.event.Event.fireEvent(canvas, new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL, LEFT + 85, 100, LEFT + 85, 100, false, false, false, false,
                    false, false, 0, 40, 0, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            mouse(canvas, javafx.scene.input.MouseEvent.MOUSE_PRESSED, LEFT + 200, javafx.scene.input.MouseButton.PRIMARY);
            mouse(canvas, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, LEFT + 115, javafx.scene.input.MouseButton.PRIMARY);
            mouse(canvas, javafx.scene.input.MouseEvent.MOUSE_RELEASED, LEFT + 115, javafx.scene.input.MouseButton.PRIMARY);
            mouse(canvas, javafx.scene.input.MouseEvent.MOUSE_PRESSED, LEFT + 34, javafx.scene.input.MouseButton.SECONDARY);
            mouse(canvas, javafx.scene.input.MouseEvent.MOUSE_DRAGGED, LEFT + 170, javafx.scene.input.MouseButton.SECONDARY);
            mouse(canvas, javafx.scene.input.MouseEvent.MOUSE_RELEASED, LEFT + 170, javafx.scene.input.MouseButton.SECONDARY);
            return seen;
        });
        assertEquals(List.of("zoom 0.25 x0.80", "pan 0.25", "box 0.10 0.50"), requests,
                "wheel up zooms in around the cursor; dragging left pans later; right-drag selects a box");
    }

    @Test
    void aMiniTrendUsesNearlyAllOfItsSpaceForThePlotAndDrawsTheLine() throws Exception {
        WritableImage image = FxToolkit.setupFixture(() -> {
            TrendChart chart = TrendChart.mini(ZoneId.of("UTC"), Texts.forLocale(Locale.ENGLISH));
            StackPane root = new StackPane(chart);
            new Scene(root, 170, 48);
            chart.setData(data());
            root.applyCss();
            root.layout();
            chart.paintNow();
            assertEquals(168, chart.plotWidthProperty().get(), "no axes: one pixel of frame each side");
            return root.snapshot(null, null);
        });
        int inked = 0;
        for (int x = 2; x < 168; x++) {
            inked += darkPixels(image.getPixelReader(), x, 2, 46) > 0 ? 1 : 0;
        }
        assertTrue(inked > 60, "the pen is drawn across the good stretches: " + inked + " columns");
    }

    @Test
    void aChartTakenOutOfItsSceneCanBeCollectedWhileTheSceneLivesOn() throws Exception {
        StackPane root = FxToolkit.setupFixture(() -> new StackPane());
        Scene scene = FxToolkit.setupFixture(() -> new Scene(root, 200, 100));
        java.lang.ref.WeakReference<TrendChart> ref = FxToolkit.setupFixture(() -> {
            TrendChart chart = new TrendChart(ZoneId.of("UTC"), Texts.forLocale(Locale.ENGLISH));
            root.getChildren().add(chart);
            chart.setData(data());
            root.layout();
            chart.paintNow();
            root.getChildren().clear(); // the scene's pulse listener must go with it
            root.snapshot(null, null); // syncs the scene graph, as the next pulse would, forgetting removed nodes
            return new java.lang.ref.WeakReference<>(chart);
        });
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, ref.get(), "the closed chart is still reachable");
        assertTrue(scene.getRoot() == root);
    }

    private static void mouse(javafx.scene.Node target, javafx.event.EventType<javafx.scene.input.MouseEvent> type,
                              double x, javafx.scene.input.MouseButton button) {
        javafx.event.Event.fireEvent(target, new javafx.scene.input.MouseEvent(type, x, 100, x, 100, button, 1,
                false, false, false, false, button == javafx.scene.input.MouseButton.PRIMARY, false,
                button == javafx.scene.input.MouseButton.SECONDARY, false, false, false, null));
    }

    private static int darkPixels(PixelReader pixels, int x, int top, int bottom) {
        int n = 0;
        for (int y = top; y < bottom; y++) {
            n += pixels.getColor(x, y).getBrightness() < 0.6 ? 1 : 0;
        }
        return n;
    }

    private static int countNear(PixelReader pixels, int x, int top, int bottom, Color colour) {
        int n = 0;
        for (int y = top; y < bottom; y++) {
            n += near(pixels.getColor(x, y), colour) ? 1 : 0;
        }
        return n;
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }
}
