package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmCommands;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.JournalFilter;
import io.lineside.security.Role;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: Esc closes the acknowledge panel while the workstation is locked, and nothing is acknowledged. The
 * panel is opened (F9) with a note typed, then the session locks underneath it, as the idle lock would.
 */
class EscWhileLockedIT extends FxRobot {

    private static final String LINE1 = "lineside/demo/assembly/line-1/";
    private static final String LOAD_FAULT = "L1-LOAD-FAULT";

    @TempDir
    Path dir;

    private LiveSpine spine;
    private LinesideWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            interact(() -> window.dispose());
        }
        if (spine != null) {
            spine.close();
        }
    }

    @Test
    void escClosesTheAcknowledgePanelWhileLockedAndNothingIsAcknowledged() throws Exception {
        spine = LiveSpine.start(dir, "ws-esc-it", "admin-secret-1");
        spine.addUser("olga", "Olga", Role.OPERATOR, "olga-pass-1");
        spine.security.session().login("olga", "olga-pass-1".toCharArray());
        AlarmCommands commands = spine.commands();
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(spine.services, spine.security, commands, Texts.forLocale(Locale.ENGLISH),
                    false, Clock.systemDefaultZone());
            window.show(stage, "Lineside");
        });
        Instant before = Instant.now();
        try (ReferencePublisher publisher = new ReferencePublisher(spine.broker.url())) {
            publisher.publish(LINE1 + "load/state", "fault");
        }
        Eventually.await("the load fault is annunciated", Duration.ofSeconds(10),
                () -> label(".banner-text").contains("Line 1 load station fault"));

        // Unlocked: F9 opens the panel naming the alarm, a note is typed.
        AlarmRow row = rowOf(LOAD_FAULT);
        interact(() -> table().getSelectionModel().select(row));
        push(KeyCode.F9);
        Eventually.await("the note panel opens", Duration.ofSeconds(5), this::panelOpen);
        write("walked away");
        WaitForAsyncUtils.waitForFxEvents();

        // The session locks underneath the open panel (the idle lock does exactly this, off the toolkit).
        assertTrue(spine.security.session().lock(), "locked");
        Eventually.await("the lock overlay shows", Duration.ofSeconds(5),
                () -> lookup(".sign-in-overlay").query().isVisible());
        assertTrue(panelOpen(), "the lock left the panel open: the case under test");
        AtomicReference<String> focus = new AtomicReference<>("");
        interact(() -> focus.set(String.valueOf(window.window().scene().getFocusOwner())));
        assertTrue(focus.get().contains("id=password"), "the lock put the focus in its password field: " + focus);
        push(KeyCode.ESCAPE);
        Eventually.await("Esc closes the panel while locked", Duration.ofSeconds(5), () -> !panelOpen());

        // Still locked: F9 opens it again with the focus in the note, Esc from the note field closes it too.
        interact(() -> table().getSelectionModel().select(rowOf(LOAD_FAULT)));
        push(KeyCode.F9);
        Eventually.await("the note panel opens while locked", Duration.ofSeconds(5), this::panelOpen);
        clickOn(".alarm-note").write("seen on the floor");
        push(KeyCode.ESCAPE);
        Eventually.await("Esc from the note field closes the panel while locked", Duration.ofSeconds(5),
                () -> !panelOpen());
        assertTrue(lookup(".sign-in-overlay").query().isVisible(), "still locked");

        ActiveAlarm fault = spine.services.alarms().snapshot().alarms().stream()
                .filter(a -> a.id().equals(LOAD_FAULT)).findFirst().orElseThrow();
        assertEquals(AlarmState.UNACK, fault.state(), "not acknowledged");
        assertTrue(spine.services.alarms().journal().query(JournalFilter.between(before, Instant.now().plusSeconds(1))
                .withText(LOAD_FAULT)).stream().noneMatch(e -> e.trigger() == AlarmTrigger.ACK), "no ACK journalled");
        List<String> actions = spine.security.audit().latest(10).stream().map(r -> r.entry().action()).toList();
        assertTrue(actions.stream().noneMatch(AlarmCommands.ACKNOWLEDGE::equals), actions.toString());
    }

    private boolean panelOpen() {
        AtomicReference<Boolean> open = new AtomicReference<>(false);
        interact(() -> lookup(".panel-title").tryQueryAs(Label.class).ifPresent(title -> open.set(
                visibleChain(title) && title.getText().equals("Acknowledge 1 alarm(s)"))));
        return open.get();
    }

    private static boolean visibleChain(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String label(String query) {
        AtomicReference<String> text = new AtomicReference<>("");
        interact(() -> lookup(query).tryQueryAs(Label.class).ifPresent(l -> text.set(String.valueOf(l.getText()))));
        return text.get();
    }

    @SuppressWarnings("unchecked")
    private TableView<AlarmRow> table() {
        return lookup(".alarm-table").queryAs(TableView.class);
    }

    private AlarmRow rowOf(String id) {
        AtomicReference<AlarmRow> row = new AtomicReference<>();
        Eventually.await(id + " is listed", Duration.ofSeconds(5), () -> {
            interact(() -> table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(row::set));
            return row.get() != null;
        });
        return row.get();
    }
}
