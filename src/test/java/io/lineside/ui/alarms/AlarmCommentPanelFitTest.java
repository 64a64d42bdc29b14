package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.testsupport.Elision;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comment panel (issue 16): "Comment…" on the selected, already acknowledged alarm opens the panel under the
 * table naming that alarm; its title, targets and buttons show whole at 1280x800 and 1920x1080 in English and
 * Chinese. Writes target/screenshots/alarms-comment-*.png.
 */
class AlarmCommentPanelFitTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @CsvSource({"en, 1280, 800", "zh-CN, 1280, 800", "en, 1920, 1080", "zh-CN, 1920, 1080"})
    void theCommentPanelNamesItsAlarmAndShowsWhole(String language, int width, int height) throws Exception {
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            AlarmViewsFixture f = new AlarmViewsFixture(Locale.forLanguageTag(language), width, height, false,
                    Theme.LIGHT);
            try {
                AlarmRow acked = f.summary.rows().stream()
                        .filter(r -> r.alarm().state() == io.lineside.alarms.AlarmState.ACKED).findFirst()
                        .orElseThrow();
                f.summaryView.select(List.of(acked.id()));
                Button comment = (Button) f.root.lookup("#commentButton");
                List<String> out = new ArrayList<>();
                if (comment == null || comment.isDisabled()) {
                    out.add("no enabled Comment button with an alarm selected");
                    return out;
                }
                comment.fire();
                f.summary.panel().noteProperty().set("Tip dressed, coolant hose replaced");
                for (int i = 0; i < 3; i++) {
                    f.root.applyCss();
                    f.root.layout();
                }
                Screenshots.save(f.root, "alarms-comment-" + language + "-" + width + "x" + height);
                Node box = f.root.lookup("#commandPanel");
                if (box == null || !box.isVisible()) {
                    out.add("the comment panel is not shown");
                    return out;
                }
                String targets = ((Label) box.lookup(".panel-targets")).getText();
                if (!targets.contains(acked.id())) {
                    out.add("the panel does not name " + acked.id() + ": " + targets);
                }
                if (f.root.lookup(".alarm-note") instanceof javafx.scene.control.TextField note && !note.isFocused()
                        && f.root.getScene().getFocusOwner() != note) {
                    out.add("the note field does not have the focus");
                }
                out.addAll(Elision.under(box));
                out.addAll(Elision.under(f.root.lookup(".summary-toolbar")));
                return out;
            } finally {
                f.close();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), problems);
    }
}
