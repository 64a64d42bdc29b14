package io.lineside.ui.layout;

import static io.lineside.ui.layout.PlanAlarms.alarm;
import static io.lineside.ui.layout.PlanFixture.T0;
import static io.lineside.ui.layout.PlanFixture.demoStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.tags.TagStore;
import io.lineside.testsupport.Elision;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The markers as drawn (Monocle, software rendering): each priority's colour where its marker sits and nowhere on a
 * quiet station, the halo that keeps yellow visible on grey, the outline of a returned alarm, the blink; and the
 * review screenshots (day and night, English and Chinese, 1280x800 and 1920x1080).
 */
class FloorPlanAlarmMarkersPaintTest {

    /** The theme's priority fills (lineside.css; the night theme keeps them). */
    private static final int CRITICAL = 0xc8102e;
    private static final int HIGH = 0xf28c00;
    private static final int MEDIUM = 0xf5d000;
    private static final int LOW = 0x6fa8dc;
    private static final Instant ON = T0.plusSeconds(1); // blink phase on
    private static final Instant OFF = T0.plusMillis(1500);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Line 1 with one alarm picture per station; load is quiet. */
    static AlarmSnapshot lineOneAlarms() {
        return PlanAlarms.of(
                alarm("L1-PRESS-FAULT", demoStation(1, "press"), "state", Priority.CRITICAL, AlarmState.UNACK, 40),
                alarm("L1-PRESS-TEMP-H", demoStation(1, "press"), "temperature", Priority.HIGH, AlarmState.ACKED, 20),
                alarm("L1-PRESS-SPEED-L", demoStation(1, "press"), "speed", Priority.LOW, AlarmState.RTN_UNACK, 10),
                alarm("L1-WELD-TEMP-H", demoStation(1, "weld"), "temperature", Priority.HIGH, AlarmState.ACKED, 30),
                alarm("L1-PAINT-TEMP-HH", demoStation(1, "paint"), "temperature", Priority.MEDIUM,
                        AlarmState.RTN_UNACK, 35),
                alarm("L1-PAINT-PUMP-L", demoStation(1, "paint"), "speed", Priority.LOW, AlarmState.ACKED, 15),
                alarm("L1-INSPECT-NODATA", demoStation(1, "inspect"), "cycles", Priority.MEDIUM, AlarmState.ACKED, 25),
                alarm("L1-PACK-SPEED-L", demoStation(1, "pack"), "speed", Priority.LOW, AlarmState.UNACK, 45));
    }

    private record Shown(Parent root, FloorPlanViewModel vm) {
    }

    private static Shown plan(Locale locale, Theme theme, double width, double height, Instant now) throws Exception {
        return FloorPlanViewTest.fx(() -> {
            TagStore store = new TagStore();
            PlanFixture.runningDemo(store, T0);
            FloorPlanViewModel vm = new FloorPlanViewModel(store, Texts.forLocale(locale), Runnable::run);
            AlarmSnapshot alarms = lineOneAlarms();
            vm.setAlarms(() -> alarms);
            vm.showOnly(FloorPlanViewModel.line("assembly", "line-1"));
            try {
                vm.show(PlanFixture.demo());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            vm.pulse(now);
            Parent root = (Parent) FloorPlanView.create(vm);
            Scene scene = new Scene(root, width, height);
            theme.stylesheets().forEach(css -> scene.getStylesheets().add(Theme.class.getResource(css).toExternalForm()));
            root.applyCss();
            root.layout();
            return new Shown(root, vm);
        });
    }

    /** How many pixels of the marker's box (in the root's snapshot) are within a small distance of {@code rgb}. */
    private static int pixels(PixelReader image, Bounds box, int rgb) {
        int n = 0;
        for (int y = (int) box.getMinY(); y < box.getMaxY(); y++) {
            for (int x = (int) box.getMinX(); x < box.getMaxX(); x++) {
                if (near(image.getArgb(x, y), rgb, 24)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean near(int argb, int rgb, int tolerance) {
        return Math.abs(((argb >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
                && Math.abs(((argb >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
                && Math.abs((argb & 0xff) - (rgb & 0xff)) <= tolerance;
    }

    private static Bounds markerBox(Parent root, String symbol) {
        Node marker = root.lookup("#marker-" + symbol);
        return marker.localToScene(marker.getBoundsInLocal());
    }

    @Test
    void eachMarkerShowsItsPrioritysColourAtItsSymbolsCornerInBothThemes() throws Exception {
        for (Theme theme : new Theme[] {Theme.LIGHT, Theme.DARK}) {
            int halo = theme == Theme.LIGHT ? 0x1e1e1e : 0xe4e4e4; // -ls-text
            Shown shown = plan(Locale.ENGLISH, theme, 1400, 360, ON);
            FloorPlanViewTest.fx(() -> {
                WritableImage image = shown.root().snapshot(null, null);
                PixelReader px = image.getPixelReader();
                Bounds press = markerBox(shown.root(), "l1-press");
                Node pressBody = shown.root().lookup("#plan-line-1-press");
                Bounds body = pressBody.localToScene(pressBody.getBoundsInLocal());
                assertTrue(Math.abs(press.getCenterX() - body.getMaxX()) < 12
                        && Math.abs(press.getCenterY() - body.getMinY()) < 12, "at the body's top-right corner: "
                        + press + " of " + body);
                assertTrue(pixels(px, press, CRITICAL) > 150, theme + " press is Critical, filled: "
                        + pixels(px, press, CRITICAL));
                assertTrue(pixels(px, markerBox(shown.root(), "l1-weld"), HIGH) > 150, theme + " weld High");
                Bounds inspect = markerBox(shown.root(), "l1-inspect");
                assertTrue(pixels(px, inspect, MEDIUM) > 150, theme + " inspect Medium, filled");
                assertTrue(pixels(px, inspect, halo) > 40, theme + " the yellow square is edged in the text colour: "
                        + pixels(px, inspect, halo));
                assertTrue(pixels(px, markerBox(shown.root(), "l1-pack"), LOW) > 150, theme + " pack Low");
                assertTrue(pixels(px, markerBox(shown.root(), "l1-paint-pump"), LOW) > 150, theme + " the pump's own");
                int outline = pixels(px, markerBox(shown.root(), "l1-paint"), MEDIUM);
                assertTrue(outline > 40 && outline < pixels(px, inspect, MEDIUM) * 3 / 4,
                        theme + " paint's returned alarm is an outline: " + outline);
                assertEquals(false, shown.root().lookup("#marker-l1-load").isVisible(), "load is quiet");
                Bounds quiet = new javafx.geometry.BoundingBox(body.getMinX() - 240 + body.getWidth() - 14,
                        body.getMinY() - 14, 28, 28); // where load's marker would be
                for (int colour : new int[] {CRITICAL, HIGH, MEDIUM, LOW}) {
                    assertEquals(0, pixels(px, quiet, colour), theme + " no marker colour at load's corner");
                }
                return null;
            });
        }
    }

    @Test
    void anUnacknowledgedMarkerBlinksItsFillAtTheBannersCadence() throws Exception {
        Shown shown = plan(Locale.ENGLISH, Theme.LIGHT, 1400, 360, ON);
        int[] counts = FloorPlanViewTest.fx(() -> {
            Bounds press = markerBox(shown.root(), "l1-press");
            int on = pixels(shown.root().snapshot(null, null).getPixelReader(), press, CRITICAL);
            int weldOn = pixels(shown.root().snapshot(null, null).getPixelReader(), markerBox(shown.root(), "l1-weld"), HIGH);
            shown.vm().pulse(OFF);
            shown.root().applyCss();
            PixelReader off = shown.root().snapshot(null, null).getPixelReader();
            return new int[] {on, pixels(off, press, CRITICAL), weldOn, pixels(off, markerBox(shown.root(), "l1-weld"), HIGH)};
        });
        assertTrue(counts[1] > 30 && counts[1] < counts[0] / 2, "off phase: the outline stays, the fill goes: "
                + counts[0] + " -> " + counts[1]);
        assertEquals(counts[2], counts[3], "an acknowledged marker is steady");
    }

    @Test
    void screenshotsDayAndNightEnglishAndChineseAtBothSizes() throws Exception {
        for (Theme theme : new Theme[] {Theme.LIGHT, Theme.DARK}) {
            for (String language : new String[] {"en", "zh-CN"}) {
                for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
                    Shown shown = plan(Locale.forLanguageTag(language), theme, size[0], size[1], ON);
                    String name = "floorplan-markers-" + (theme == Theme.LIGHT ? "day" : "night") + "-" + language + "-"
                            + size[0] + "x" + size[1];
                    List<String> cut = FloorPlanViewTest.fx(() -> {
                        Screenshots.save(shown.root(), name);
                        return Elision.under(shown.root().lookup(".fp-toolbar"));
                    });
                    assertEquals(List.of(), cut, name);
                    assertTrue(Screenshots.DIR.resolve(name + ".png").toFile().length() > 10_000);
                }
            }
        }
    }
}
