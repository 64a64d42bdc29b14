package io.lineside.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Elision;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window a failed start shows (issue 22: no silent exit): which file, line and key, the reason whole and
 * selectable, the buttons whole in English and Chinese, Copy puts the reason on the clipboard, Close closes. Writes target/screenshots/startup-*.png.
 */
class StartupProblemPaneTest {

    private static final String PROBLEM = "config /etc/lineside/station.yaml:14: key 'mappings[2].signals[0].expectedPeriod':"
            + " expected a positive number of seconds, found \"fast\"";
    private static final StartupProblem CONFIG = new StartupProblem(PROBLEM, "/etc/lineside/station.yaml", 14,
            "mappings[2].signals[0].expectedPeriod", "expected a positive number of seconds, found \"fast\"");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theReasonAndTheButtonsShowWholeAndWork(String language) throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        AtomicInteger closed = new AtomicInteger();
        List<String> elided = WaitForAsyncUtils.asyncFx(() -> {
            Parent pane = StartupProblemPane.create(texts, CONFIG, closed::incrementAndGet);
            Scene scene = new Scene(pane);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrls());
            pane.applyCss();
            pane.resize(pane.prefWidth(-1), pane.prefHeight(pane.prefWidth(-1)));
            pane.layout();
            Screenshots.save(pane, "startup-problem-" + language);
            TextArea detail = (TextArea) pane.lookup("#startupProblem");
            assertEquals(PROBLEM, detail.getText());
            assertTrue(!detail.isEditable() && detail.isWrapText());
            assertEquals("/etc/lineside/station.yaml", ((Label) pane.lookup("#startupFile")).getText());
            assertEquals("14", ((Label) pane.lookup("#startupLine")).getText());
            assertEquals("mappings[2].signals[0].expectedPeriod", ((Label) pane.lookup("#startupKey")).getText());
            assertEquals("expected a positive number of seconds, found \"fast\"",
                    ((Label) pane.lookup("#startupWhat")).getText());
            ((Button) pane.lookup("#startupCopy")).fire();
            assertEquals(PROBLEM, Clipboard.getSystemClipboard().getString());
            ((Button) pane.lookup("#startupClose")).fire();
            return Elision.under(pane);
        }).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(), elided);
        assertEquals(1, closed.get(), "Close closes the window");
    }

    @Test
    void aProblemThatNamesNoFileShowsNoFileRows() throws Exception {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        boolean rows = WaitForAsyncUtils.asyncFx(() -> {
            Parent pane = StartupProblemPane.create(texts, StartupProblem.of("history file in use"), () -> { });
            assertEquals("history file in use", ((TextArea) pane.lookup("#startupProblem")).getText());
            return pane.lookup("#startupWhere") != null;
        }).get(30, TimeUnit.SECONDS);
        assertEquals(false, rows, "no file, no file/line/key rows");
    }
}
