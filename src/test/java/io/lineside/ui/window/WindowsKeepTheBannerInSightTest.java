package io.lineside.ui.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.ui.Texts;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real stages (issue 18): the shift review and diagnostics windows used to open on top of the main window's alarm
 * banner; opened or restored through the window manager, they now start below it.
 */
class WindowsKeepTheBannerInSightTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void reviewAndDiagnosticsOpenBelowTheAlarmBanner() throws Exception {
        String result = WaitForAsyncUtils.asyncFx(() -> {
            Region header = new Region();
            header.setMinHeight(50);
            Region banner = new Region();
            banner.getStyleClass().add("alarm-banner");
            banner.setMinHeight(110);
            Stage main = new Stage();
            main.setScene(new Scene(new VBox(header, banner, new Label("plant")), 1000, 700));
            main.setX(0);
            main.setY(0);
            main.show();
            // the review was last maximized, the diagnostics at the top-left: both would cover the banner
            DisplayPrefs prefs = DisplayPrefs.DEFAULT.withWindows(List.of(
                    new WindowPlacement("review", 0, 0, 900, 600, true, 0),
                    new WindowPlacement("diagnostics", 20, 10, 600, 400, false, 0)));
            ViewRegistry views = new ViewRegistry();
            views.register("review", "review.title", () -> new VBox(new Label("review")));
            views.register("diagnostics", "diag.title", () -> new VBox(new Label("diagnostics")));
            views.register("trend", "window.trend", () -> new VBox(new Label("trend")));
            WindowManager windows = new WindowManager(Texts.forLocale(Locale.ENGLISH), views, prefs, p -> { });
            windows.adoptMain(main, () -> new VBox(), null);
            windows.keepInSight(() -> main.getScene().getRoot().lookup(".alarm-banner"));
            windows.restore();
            Stage trend = windows.open("trend"); // a new window, placed by the toolkit
            Bounds b = banner.localToScreen(banner.getBoundsInLocal());
            StringBuilder out = new StringBuilder();
            for (Stage s : Stage.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                    .filter(s -> s != main && s.isShowing() && s.getScene() != null
                            && s.getScene().getRoot() instanceof VBox v && !v.getChildren().isEmpty()).toList()) {
                boolean covers = s.getY() < b.getMaxY() && s.getY() + s.getHeight() > b.getMinY()
                        && s.getX() < b.getMaxX() && s.getX() + s.getWidth() > b.getMinX();
                if (covers || s.isMaximized()) {
                    out.append(s.getTitle()).append(" at ").append(s.getX()).append(',').append(s.getY())
                            .append(' ').append(s.getWidth()).append('x').append(s.getHeight())
                            .append(s.isMaximized() ? " maximized" : "").append(" covers the banner ").append(b)
                            .append('\n');
                }
            }
            out.append(windows.openViews().size() == 3 ? "" : "open: " + windows.openViews());
            trend.close();
            windows.closeViews();
            main.close();
            return out.toString();
        }).get(30, TimeUnit.SECONDS);
        assertTrue(result.isEmpty(), result);
    }
}
