package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.testsupport.Elision;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.window.DisplayPrefs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The window frame of the real demo composition (embedded broker, simulator, operator signed in) at the smallest
 * size we support and at full HD, in English and Chinese, normal and touch: every word of the header (title, plant
 * zone, user, Lock, Sign out, Users, connection) and of the status bar (ingest figures, Review, Diagnostics, history,
 * data folder) reads whole and inside the window. Writes target/screenshots/window-*.png for review.
 */
class MainWindowFitIT extends FxRobot {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest(name = "{0} {1}x{2} touch={3}")
    @CsvSource({"en,1280,800,false", "zh-CN,1280,800,false", "en,1280,800,true", "zh-CN,1280,800,true",
            "en,1920,1080,false", "zh-CN,1920,1080,false"})
    void headerAndStatusBarReadWhole(String language, int width, int height, boolean touch) throws Exception {
        if (touch) {
            new WorkstationPrefs(dir).save(DisplayPrefs.DEFAULT.withTouch(true));
        }
        // The administrator has the most header buttons (Users included).
        try (LiveDemo live = LiveDemo.start(dir, "fit-" + language, "admin")) {
            LinesideWindow[] window = new LinesideWindow[1];
            Stage[] stages = new Stage[1];
            interact(() -> {
                // A stage of its own: resizing the shared primary stage past the headless screen breaks snapshots.
                Stage s = new Stage();
                stages[0] = s;
                window[0] = live.window(language);
                window[0].show(s, "Lineside");
                s.setX(0);
                s.setY(0);
                s.setWidth(width); // after show: showing sizes a new stage to its scene's preferred size
                s.setHeight(height);
            });
            Thread.sleep(3_000); // a few pulses: the status bar has its ingest figures, the banner its alarms
            List<String> elided = new ArrayList<>();
            interact(() -> {
                Parent root = window[0].window().scene().getRoot();
                root.applyCss();
                root.layout();
                assertEquals(List.of((double) width, (double) height), List.of(root.getScene().getWidth(),
                        root.getScene().getHeight()), "the window is the size under test");
                assertEquals(height, root.getLayoutBounds().getHeight(), 0.5,
                        "the frame fits the window's height (the status bar is not pushed below it)");
                Screenshots.save(root, "window-" + width + "x" + height + "-" + language + (touch ? "-touch" : ""));
                for (String frame : List.of(".header", ".status-bar")) {
                    for (Node n : root.lookupAll(frame)) {
                        elided.addAll(Elision.under(n).stream().map(e -> frame + " " + e).toList());
                    }
                }
            });
            interact(() -> {
                stages[0].close();
                window[0].dispose();
            });
            assertEquals(List.of(), elided);
        }
    }
}
