package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.testsupport.Elision;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.theme.Theme;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: in touch size the State column is wide enough for every state text before any row shows one, so a row
 * whose alarm turns "Returned, unacknowledged (input not good: held) · restored" in a pulse is drawn whole and in line
 * with the others after that one pulse's layout (the column used to be widened by a cell while the table laid out,
 * which drew that row misaligned with its text elided).
 */
class AlarmStateColumnTouchTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** @param touchLater the window starts in normal size and the operator switches touch size on before the change */
    @ParameterizedTest(name = "{0} touch switched on later={1}")
    @CsvSource({"en,false", "zh-CN,false", "en,true", "zh-CN,true"})
    void aRowTurningToTheLongestStateIsWholeAndAlignedAfterOnePulse(String language, boolean touchLater)
            throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        List<ActiveAlarm> calm = new ArrayList<>();
        List<AlarmDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ActiveAlarm a = Snapshots.alarm("A-" + i, "line-1/st-" + (i % 4), Priority.values()[i % 4],
                    AlarmState.ACKED, i * 10);
            calm.add(a);
            definitions.add(a.definition());
        }
        AtomicReference<AlarmSnapshot> now = new AtomicReference<>(Snapshots.of(false, 0,
                calm.toArray(ActiveAlarm[]::new)));
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            AlarmSummaryViewModel summary = new AlarmSummaryViewModel(now::get, definitions, List::of,
                    new IdleAlarmActions(), texts, ZoneOffset.UTC, Runnable::run);
            ViewLoader loader = new ViewLoader(texts.bundle(), Map.of(AlarmSummaryView.class,
                    () -> new AlarmSummaryView(summary, texts)));
            Parent root = loader.load(AlarmSummaryView.class);
            if (!touchLater) {
                root.getStyleClass().add("touch");
            }
            Scene scene = new Scene(root, 1280, 800);
            Theme.LIGHT.stylesheets().forEach(css -> scene.getStylesheets()
                    .add(Theme.class.getResource(css).toExternalForm()));
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            summary.pulse(Snapshots.T0.plusSeconds(300));
            root.applyCss();
            root.layout();
            if (touchLater) {
                root.getStyleClass().add("touch");
                root.applyCss();
                root.layout();
            }
            try {
                // One pulse: a new snapshot in which rows change to the longest state words, then one CSS and layout
                // pass, as the FX pulse does.
                List<ActiveAlarm> changed = new ArrayList<>();
                for (int i = 0; i < calm.size(); i++) {
                    ActiveAlarm a = calm.get(i);
                    changed.add(i % 3 == 0 ? new ActiveAlarm(a.id(), AlarmState.RTN_UNACK, a.priority(), a.station(),
                            a.tag(), a.value(), a.since(), 1, true, a.definition(), "", true)
                            : i % 3 == 1 ? new ActiveAlarm(a.id(), AlarmState.UNACK, a.priority(), a.station(),
                            a.tag(), a.value(), a.since(), 1, false, a.definition()) : a);
                }
                now.set(Snapshots.of(false, 0, changed.toArray(ActiveAlarm[]::new)));
                summary.pulse(Snapshots.T0.plusSeconds(301));
                root.applyCss();
                root.layout();
                Screenshots.save(root, "alarms-state-touch-1280x800-" + language + (touchLater ? "-switched" : ""));
                return problems(root);
            } finally {
                stage.close();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), problems);
    }

    /** Elided state cells, and state cells not where their column header is or not as wide. */
    private static List<String> problems(Parent root) {
        List<String> out = new ArrayList<>();
        TableView<?> table = (TableView<?>) root.lookup(".alarm-table");
        var column = table.getColumns().stream().filter(c -> "stateColumn".equals(c.getId())).findFirst()
                .orElseThrow();
        double columnX = table.getColumns().stream().takeWhile(c -> c != column).filter(c -> c.isVisible())
                .mapToDouble(c -> c.getWidth()).sum();
        int checked = 0;
        for (Node n : root.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == column && !c.isEmpty() && c.isVisible()
                    && c.getTableRow() instanceof TableRow<?> row && row.isVisible() && !row.isEmpty()) {
                checked++;
                Elision.check(c, out);
                if (Math.abs(c.getLayoutX() - columnX) > 0.5 || Math.abs(c.getWidth() - column.getWidth()) > 0.5) {
                    out.add("misaligned: \"" + c.getText() + "\" at x " + c.getLayoutX() + " width " + c.getWidth()
                            + ", column at x " + columnX + " width " + column.getWidth());
                }
            }
        }
        if (checked < 10) {
            out.add("only " + checked + " state cells shown");
        }
        return out;
    }
}
