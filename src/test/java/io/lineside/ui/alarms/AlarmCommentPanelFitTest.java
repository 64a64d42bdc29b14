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
                f.summary.setHistorySource(id -> io.lineside.alarms.AlarmHistory.of(id, history(id),
                        AlarmViewsFixture.T0.plusSeconds(700), java.time.Duration.ofHours(8)), Runnable::run);
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
                String history = ((Label) f.root.lookup(".alarm-history")).getText();
                if (!history.contains("olga") || !history.contains(language.equals("en") ? "chattering" : "\u9891\u7E41")) {
                    out.add("the detail does not show the alarm's history: " + history);
                }
                out.addAll(Elision.under(box));
                for (Node n : f.root.lookupAll(".alarm-detail")) {
                    out.addAll(Elision.under(n)); // the detail and the history, wrapped, whole
                }
                out.addAll(Elision.under(f.root.lookup(".summary-toolbar")));
                return out;
            } finally {
                f.close();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), problems);
    }

    /** A chattering morning of one alarm: three activations within 40 s, one acknowledged by olga, and a comment. */
    private static List<io.lineside.alarms.AlarmEvent> history(String id) {
        List<io.lineside.alarms.AlarmEvent> rows = new ArrayList<>();
        java.time.Instant t0 = AlarmViewsFixture.T0;
        int[][] steps = {{100, 0}, {110, 1}, {120, 2}, {130, 0}, {140, 1}, {150, 0}, {160, 3}, {400, 4}};
        io.lineside.alarms.AlarmTrigger[] triggers = {io.lineside.alarms.AlarmTrigger.ACTIVATE,
            io.lineside.alarms.AlarmTrigger.CLEAR, io.lineside.alarms.AlarmTrigger.ACK,
            io.lineside.alarms.AlarmTrigger.ACK, io.lineside.alarms.AlarmTrigger.COMMENT};
        io.lineside.alarms.AlarmState[][] states = {
            {io.lineside.alarms.AlarmState.RTN_UNACK, io.lineside.alarms.AlarmState.UNACK},
            {io.lineside.alarms.AlarmState.UNACK, io.lineside.alarms.AlarmState.RTN_UNACK},
            {io.lineside.alarms.AlarmState.RTN_UNACK, io.lineside.alarms.AlarmState.NORMAL},
            {io.lineside.alarms.AlarmState.UNACK, io.lineside.alarms.AlarmState.ACKED},
            {io.lineside.alarms.AlarmState.ACKED, io.lineside.alarms.AlarmState.ACKED}};
        String[] users = {"system", "system", "olga", "olga", "olga"};
        String[] notes = {"", "", "", "", "Tip dressed, coolant hose replaced"};
        for (int[] step : steps) {
            int k = step[1];
            rows.add(new io.lineside.alarms.AlarmEvent(t0.plusSeconds(step[0]), id, triggers[k], states[k][0],
                    states[k][1], io.lineside.alarms.Priority.CRITICAL, "assembly", "demo/assembly/line-1/weld",
                    "demo/assembly/line-1/weld/temperature", "239.4", users[k], notes[k], "Weld tip hot"));
        }
        return rows;
    }
}
