package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Screenshots;
import io.lineside.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shelve panel with its reason list (issue 16): the chosen reason, duration, one-shot box and buttons show whole
 * at 1280x800 and 1920x1080 in English and Chinese; writes target/screenshots/alarms-shelve-*.png.
 */
class AlarmShelvePanelFitTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @CsvSource({"en, 1280, 800", "zh-CN, 1280, 800", "en, 1920, 1080", "zh-CN, 1920, 1080"})
    void theReasonListShowsWhole(String language, int width, int height) throws Exception {
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            AlarmViewsFixture f = new AlarmViewsFixture(Locale.forLanguageTag(language), width, height, false,
                    Theme.LIGHT);
            try {
                AlarmCommandPanel panel = f.summary.panel();
                panel.requestShelve(f.summary.rows().get(1).alarm());
                panel.reasonProperty().set(panel.reasons().get(1)); // the longest default reason
                for (int i = 0; i < 3; i++) {
                    f.root.applyCss();
                    f.root.layout();
                }
                Screenshots.save(f.root, "alarms-shelve-" + language + "-" + width + "x" + height);
                List<String> out = new ArrayList<>();
                Node box = f.root.lookup("#commandPanel");
                if (box == null || !box.isVisible()) {
                    out.add("the shelve panel is not shown");
                    return out;
                }
                ComboBox<?> reason = (ComboBox<?>) box.lookup(".shelve-reason");
                if (reason == null || !reason.isVisible()) {
                    out.add("no reason list in the shelve panel");
                } else if (reason.lookupAll(".list-cell").stream().noneMatch(c -> c instanceof Labeled l
                        && panel.reasonText(panel.reasons().get(1)).equals(l.getText()))) {
                    out.add("the reason box does not show the chosen reason: value " + reason.getValue());
                }
                for (Node n : box.lookupAll(".labeled")) {
                    if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                            && !(l.getParent() instanceof javafx.scene.control.ListView<?>)) {
                        String shown = l.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                                .map(t -> ((Text) t).getText()).findFirst().orElse("");
                        if (!l.isWrapText() && !shown.equals(l.getText())) {
                            out.add("elided: \"" + shown + "\" of \"" + l.getText() + "\"");
                        }
                    }
                }
                Screenshots.save(f.root, "alarms-shelve-" + language + "-" + width + "x" + height);
                return out;
            } finally {
                f.close();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), problems);
        assertTrue(Screenshots.DIR.resolve("alarms-shelve-" + language + "-" + width + "x" + height + ".png")
                .toFile().length() > 5_000);
    }
}
