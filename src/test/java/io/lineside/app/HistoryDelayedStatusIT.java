package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryHold;
import io.lineside.testsupport.Elision;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Screenshots;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Issue 19: the README's demo with its history disk stopped (H2 held exclusive by another connection). The status bar
 * says "History delayed (N s behind, M samples not stored)" — whole, in English and Chinese, at 1280x800 and
 * 1920x1080 — while the live values keep changing; once the disk answers again history catches up and says so.
 */
class HistoryDelayedStatusIT extends FxRobot {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @CsvSource({"en,1280,800,History delayed (", "zh-CN,1280,800,\u5386\u53f2\u5ef6\u8fdf",
            "en,1920,1080,History delayed (", "zh-CN,1920,1080,\u5386\u53f2\u5ef6\u8fdf"})
    void aStoppedHistoryDiskIsShownWhileTheLiveValuesKeepChanging(String language, int width, int height,
                                                                  String delayed) throws Exception {
        try (LiveDemo live = LiveDemo.start(dir, "delayed-" + language, "operator")) {
            LinesideWindow[] window = new LinesideWindow[1];
            Stage[] stages = new Stage[1];
            interact(() -> {
                Stage s = new Stage();
                stages[0] = s;
                window[0] = live.window(language);
                window[0].show(s, "Lineside");
                s.setX(0);
                s.setY(0);
                s.setWidth(width);
                s.setHeight(height);
            });
            Eventually.await("history written", Duration.ofSeconds(10), () -> live.services.writer().writtenCount() > 0);
            AtomicReference<String> text = new AtomicReference<>("");
            List<String> elided = new ArrayList<>();
            long changesWhileHeld = 0;
            try (HistoryHold hold = HistoryHold.exclusive(live.services.database())) {
                long writtenAtHold = live.services.writer().writtenCount();
                java.util.Map<TagPath, java.time.Instant> before = new java.util.HashMap<>();
                for (TagPath p : live.services.store().paths()) {
                    TagValue v = live.services.store().get(p);
                    if (v != null) {
                        before.put(p, v.receiveTime());
                    }
                }
                Eventually.await("the status bar says history is delayed", Duration.ofSeconds(15), () -> {
                    interact(() -> text.set(historyText(window[0])));
                    return text.get().startsWith(delayed) && live.services.writer().lag().toSeconds() >= 2;
                });
                for (var e : before.entrySet()) {
                    TagValue now = live.services.store().get(e.getKey());
                    changesWhileHeld += now != null && now.receiveTime().isAfter(e.getValue()) ? 1 : 0;
                }
                interact(() -> {
                    Parent root = window[0].window().scene().getRoot();
                    root.applyCss();
                    root.layout();
                    text.set(historyText(window[0]));
                    Screenshots.save(root, "history-delayed-" + width + "x" + height + "-" + language);
                    for (Node n : root.lookupAll(".status-bar")) {
                        elided.addAll(Elision.under(n));
                    }
                });
                assertTrue(live.services.writer().writtenCount() - writtenAtHold < 1_000,
                        "the writer was not held: " + (live.services.writer().writtenCount() - writtenAtHold));
            }
            assertTrue(changesWhileHeld > 0, "the live values stood still while history was held");
            assertTrue(text.get().startsWith(delayed), text.get());
            assertEquals(List.of(), elided, "the status bar cut: " + text.get());
            Eventually.await("history caught up", Duration.ofSeconds(30), () -> {
                interact(() -> text.set(historyText(window[0])));
                return !text.get().startsWith(delayed);
            });
            interact(() -> {
                stages[0].close();
                window[0].dispose();
            });
        }
    }

    private static String historyText(LinesideWindow window) {
        for (Node n : window.window().scene().getRoot().lookupAll(".status-bar .label")) {
            if (n instanceof Label l && l.getText() != null
                    && (l.getText().startsWith("History") || l.getText().startsWith("\u5386\u53f2"))) {
                return l.getText();
            }
        }
        return "";
    }
}
