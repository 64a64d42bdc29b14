package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmCommands;
import io.lineside.alarms.AlarmState;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.Role;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmRow;
import io.lineside.ui.window.DisplayPrefs;
import io.lineside.ui.window.WindowPlacement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, against a real Mosquitto and real H2 files: the language switch keeps the alarm state and selection,
 * the window arrangement comes back after a restart, and kiosk mode closes only for an engineer (audited).
 */
class DisplayFlowIT extends FxRobot {

    private static final String LINE1 = "lineside/demo/assembly/line-1/";
    private static final String LOAD_FAULT = "L1-LOAD-FAULT";

    @TempDir
    Path dir;

    private LiveSpine spine;
    private Mosquitto broker;
    private Services services;
    private SecurityServices security;
    private LinesideWindow window;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void start(DisplayOptions options) throws Exception {
        spine = LiveSpine.start(dir, "ws-display-it", "admin-secret-1");
        broker = spine.broker;
        services = spine.services;
        security = spine.security;
        spine.addUser("olga", "Olga", Role.OPERATOR, "olga-pass-1");
        spine.addUser("erik", "Erik", Role.ENGINEER, "erik-pass-1");
        security.session().login("olga", "olga-pass-1".toCharArray());
        openWindow(options);
    }

    private void openWindow(DisplayOptions options) {
        AlarmCommands commands = spine.commands();
        interact(() -> {
            window = new LinesideWindow(services, security, commands, Texts.forLocale(Locale.ENGLISH), false,
                    Clock.systemDefaultZone());
            window.setDisplayOptions(options);
            stage = new Stage();
            stage.setWidth(1400);
            stage.setHeight(900);
            window.show(stage, "Lineside");
        });
    }

    @AfterEach
    void stop() throws Exception {
        interact(() -> {
            if (window != null) {
                window.windows().closeViews();
                stage.hide(); // hiding is not a close request: a kiosk stage goes too
                window.dispose();
            }
        });
        FxToolkit.cleanupStages();
        if (spine != null) {
            spine.close();
        }
    }

    @Test
    void switchingToChineseAndBackRewordsEveryWindowAndKeepsTheAlarmAndItsSelection() throws Exception {
        start(DisplayOptions.DESKTOP);
        publishLoadFault();
        Eventually.await("the banner shows the load fault", Duration.ofSeconds(10),
                () -> label(".banner-text").contains("Line 1 load station fault"));
        interact(() -> table().getSelectionModel().select(rowOf(LOAD_FAULT)));
        interact(() -> window.windows().open("alarms"));
        AlarmState before = services.alarms().snapshot().alarms().stream().filter(a -> a.id().equals(LOAD_FAULT))
                .findFirst().orElseThrow().state();

        clickOn(inMain("#lang-zh-CN"));
        Eventually.await("the banner speaks Chinese, from the alarm's definition", Duration.ofSeconds(5),
                () -> label(".banner-text").contains("1\u53f7\u7ebf \u4e0a\u6599\u5de5\u4f4d\u6545\u969c"));
        assertEquals("\u663e\u793a", menu("#displayMenu").getText(), "header controls rebuilt in Chinese");
        assertEquals("\u9501\u5b9a", button("#lockButton").getText(), "FXML %keys reloaded from the new bundle");
        assertEquals(List.of(LOAD_FAULT), selectedIds(), "the selection survives the rebuild");
        assertTrue(table().getItems().stream().anyMatch(r -> r.message().contains("\u4e0a\u6599\u5de5\u4f4d")),
                "summary rows re-formatted");
        Eventually.await("the second window is rebuilt too", Duration.ofSeconds(5), () -> {
            AtomicReference<Boolean> chinese = new AtomicReference<>(false);
            interact(() -> chinese.set(listWindows().stream().filter(w -> w instanceof Stage s
                    && s.getTitle().equals("\u62a5\u8b66")).count() == 1));
            return chinese.get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(stage.getScene().getRoot(), "overview-zh-CN-switched"));

        clickOn(inMain("#lang-en"));
        Eventually.await("back in English", Duration.ofSeconds(5),
                () -> label(".banner-text").contains("Line 1 load station fault"));
        assertEquals("Display", menu("#displayMenu").getText());
        assertEquals(List.of(LOAD_FAULT), selectedIds());
        assertEquals(before, services.alarms().snapshot().alarms().stream().filter(a -> a.id().equals(LOAD_FAULT))
                .findFirst().orElseThrow().state(), "the switch does not touch the alarm");
        Eventually.await("the choice is saved for this workstation", Duration.ofSeconds(5),
                () -> new WorkstationPrefs(dir.resolve("data")).load().language().equals(java.util.Optional.of("en")));
    }

    @Test
    void theWindowArrangementIsSavedOnCloseAndRestoredAtTheNextStart() throws Exception {
        start(DisplayOptions.DESKTOP);
        // The night theme is an item of the header's Display menu; chosen first, while no window covers the header.
        clickOn(inMain("#displayMenu"));
        Eventually.await("the Display menu is open", Duration.ofSeconds(5),
                () -> lookup(".context-menu .menu-item").tryQuery().isPresent());
        clickOn(lookup(".context-menu .menu-item").queryAll().stream()
                .filter(n -> n.lookup(".label") instanceof Label l && "Night".equals(l.getText()))
                .findFirst().orElseThrow());
        interact(() -> {
            Stage trend = window.windows().open("trend");
            trend.setX(120);
            trend.setY(80);
            trend.setWidth(700);
            trend.setHeight(500);
        });
        interact(() -> {
            stage.hide(); // closing the main window saves the arrangement
            window.windows().closeViews();
            window.dispose();
        });
        DisplayPrefs saved = new WorkstationPrefs(dir.resolve("data")).load();
        assertEquals(io.lineside.ui.theme.Theme.DARK, saved.theme());
        WindowPlacement trend = saved.windows().stream().filter(w -> w.viewId().equals("trend")).findFirst().orElseThrow();
        assertEquals(List.of(120.0, 80.0, 700.0, 500.0), List.of(trend.x(), trend.y(), trend.width(), trend.height()));

        openWindow(DisplayOptions.DESKTOP);
        assertEquals(List.of("trend"), window.windows().openViews(), "the trend window is reopened");
        assertTrue(window.windows().isOpen("trend"));
        assertFalse(window.windows().isOpen("tags"), "the tag browser has no window, so it is not pulsed");
        AtomicReference<Stage> reopened = new AtomicReference<>();
        interact(() -> listWindows().stream().filter(w -> w instanceof Stage s && "Trend".equals(s.getTitle()))
                .findFirst().ifPresent(w -> reopened.set((Stage) w)));
        assertEquals(120.0, reopened.get().getX());
        assertEquals(500.0, reopened.get().getHeight());
        assertTrue(stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("lineside-dark.css")),
                "the night theme is restored");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(stage.getScene().getRoot(), "overview-dark"));
        for (String view : List.of("diagnostics", "review", "alarms", "workshop")) { // every view, at night
            interact(() -> {
                Stage w = window.windows().open(view);
                w.setWidth(1000);
                w.setHeight(640);
            });
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> listWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                    && s.getScene().getRoot().lookup(".header") == null && s.getScene().getRoot().getStyleClass()
                    .stream().noneMatch(c -> c.equals("kiosk-exit-dialog"))).reduce((a, b) -> b)
                    .ifPresent(w -> Screenshots.save(w.getScene().getRoot(), "dark-" + view)));
        }
    }

    @Test
    void kioskModeRefusesToCloseUntilAnEngineerSignsInAndAuditsTheExit() throws Exception {
        start(new DisplayOptions(true, true));
        assertTrue(stage.isFullScreen(), "full screen");
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("touch"), "touch size from the options");
        interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Alt+F4 / close is refused");

        clickOn("#kioskUser").write("olga");
        clickOn("#kioskPassword").write("olga-pass-1");
        clickOn("#kioskExit");
        Eventually.await("an operator may not leave kiosk mode", Duration.ofSeconds(10),
                () -> label(".kiosk-exit-message").startsWith("Only an Engineer"));
        assertTrue(stage.isShowing());
        assertEquals(KioskExit.ACTION + ":" + AuditResult.DENIED, last());

        clickOn("#kioskUser").eraseText(4).write("erik");
        clickOn("#kioskPassword").write("erik-pass-1");
        clickOn("#kioskExit");
        Eventually.await("the engineer closes the window", Duration.ofSeconds(10), () -> !stage.isShowing());
        assertEquals(KioskExit.ACTION + ":" + AuditResult.OK, last());
        AuditRecord exit = security.audit().latest(1).getFirst();
        assertEquals("erik", exit.entry().actor().userName());
        assertTrue(window.kiosk().orElseThrow().exitAllowed());
    }

    private String last() throws Exception {
        AuditRecord r = security.audit().latest(1).getFirst();
        return r.entry().action() + ":" + r.entry().result();
    }

    private void publishLoadFault() throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            for (String st : List.of("load", "press", "weld", "paint", "inspect", "pack")) {
                publisher.publish(LINE1 + st + "/state", st.equals("load") ? "fault" : "running");
                publisher.publish(LINE1 + st + "/temperature", 24.0);
                publisher.publish(LINE1 + st + "/speed", 50.0);
                publisher.publish(LINE1 + st + "/cycles", 1000);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<AlarmRow> table() {
        return from(stage.getScene().getRoot()).lookup(".alarm-table").queryAs(TableView.class);
    }

    private List<String> selectedIds() {
        AtomicReference<List<String>> ids = new AtomicReference<>();
        interact(() -> ids.set(table().getSelectionModel().getSelectedItems().stream().map(AlarmRow::id).toList()));
        return ids.get();
    }

    private AlarmRow rowOf(String id) {
        AtomicReference<AlarmRow> row = new AtomicReference<>();
        Eventually.await(id + " is listed", Duration.ofSeconds(5), () -> {
            interact(() -> table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(row::set));
            return row.get() != null;
        });
        return row.get();
    }

    private MenuButton menu(String query) {
        return from(stage.getScene().getRoot()).lookup(query).queryAs(MenuButton.class);
    }

    private Button button(String query) {
        return from(stage.getScene().getRoot()).lookup(query).queryAs(Button.class);
    }

    /** Looks only in this test's main window: other test classes' windows may still be around. */
    private javafx.scene.Node inMain(String query) {
        return from(stage.getScene().getRoot()).lookup(query).query();
    }

    private String label(String query) {
        AtomicReference<String> text = new AtomicReference<>("");
        interact(() -> (query.startsWith(".kiosk") ? lookup(query) : from(stage.getScene().getRoot()).lookup(query))
                .tryQueryAs(Label.class).ifPresent(l -> text.set(String.valueOf(l.getText()))));
        return text.get();
    }
}
