package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmCommands;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmService;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.JournalFilter;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.Role;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
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
 * Headless, end to end: a fault published to a real Mosquitto raises the demo alarm, the banner shows it, the
 * operator acknowledges it with a note through the inline panel (F9), and the H2 journal and the audit trail
 * record who, when and why.
 */
class AlarmFlowIT extends FxRobot {

    private static final String LINE1 = "lineside/demo/assembly/line-1/";
    private static final String LOAD_FAULT = "L1-LOAD-FAULT";

    @TempDir
    Path dir;

    private LiveSpine spine;
    private Mosquitto broker;
    private Services services;
    private SecurityServices security;
    private LinesideWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void start(Locale locale) throws Exception {
        spine = LiveSpine.start(dir, "ws-alarm-it", "admin-secret-1");
        broker = spine.broker;
        services = spine.services;
        security = spine.security;
        spine.addUser("olga", "Olga", Role.OPERATOR, "olga-pass-1");
        security.session().login("olga", "olga-pass-1".toCharArray());
        AlarmCommands commands = spine.commands();
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(services, security, commands, Texts.forLocale(locale), false, Clock.systemDefaultZone());
            window.show(stage, "Lineside");
        });
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
    void aFaultShowsInTheBannerAndAnAcknowledgementWithANoteIsJournalledAndAudited() throws Exception {
        start(Locale.ENGLISH);
        Instant before = Instant.now();
        publishPlant("fault", "running");
        Eventually.await("the banner shows the load fault", Duration.ofSeconds(10),
                () -> label(".banner-text").contains("Line 1 load station fault"));
        assertTrue(label(".banner-priority").endsWith("High"), "priority as a word: " + label(".banner-priority"));
        assertTrue(label(".banner-counts").contains("High 1/1"), label(".banner-counts"));

        AlarmRow row = rowOf(LOAD_FAULT);
        interact(() -> table().getSelectionModel().select(row));
        push(KeyCode.F9);
        Eventually.await("the note panel opens", Duration.ofSeconds(5),
                () -> label(".panel-title").equals("Acknowledge 1 alarm(s)"));
        clickOn(".panel-confirm");
        Eventually.await("a High alarm is not acknowledged without a note", Duration.ofSeconds(5),
                () -> label(".summary-message").equals("Write a note: L1-LOAD-FAULT is High or Critical."));
        clickOn(".alarm-note").write("jam cleared at infeed");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(window.window().scene().getRoot(), "alarms"));
        clickOn(".panel-confirm");
        Eventually.await("acknowledged", Duration.ofSeconds(10),
                () -> label(".summary-message").equals("Acknowledged 1 alarm(s)."));
        Eventually.await("the banner no longer shows it as the top unacknowledged alarm", Duration.ofSeconds(5),
                () -> !label(".banner-text").contains("Line 1 load station fault"));

        List<AlarmEvent> journal = services.alarms().journal().query(JournalFilter.between(before,
                Instant.now().plusSeconds(1)).withText(LOAD_FAULT));
        AlarmEvent ack = journal.stream().filter(e -> e.trigger() == AlarmTrigger.ACK).findFirst().orElseThrow();
        assertEquals("olga", ack.user());
        assertEquals("jam cleared at infeed", ack.note());
        assertTrue(!ack.time().isBefore(before) && !ack.time().isAfter(Instant.now()), "when: " + ack.time());

        AuditRecord audit = security.audit().latest(1).getFirst();
        assertEquals(AlarmCommands.ACKNOWLEDGE, audit.entry().action());
        assertEquals(LOAD_FAULT, audit.entry().target());
        assertEquals("olga", audit.entry().actor().userName());
        assertEquals("jam cleared at infeed", audit.entry().note());
        assertEquals(AuditResult.OK, audit.entry().result());
        assertTrue(security.audit().verify().intact(), "the audit hash chain still verifies");

        clickOn(".alarm-table");
        interact(() -> table().getSelectionModel().select(rowOf(LOAD_FAULT)));
        clickOn("#trendButton");
        Eventually.await("the trend shows the alarm's station around the alarm", Duration.ofSeconds(5),
                () -> lookup(".trend-title").queryAs(Label.class).getText().startsWith("line-1 / load \u2014 "));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(window.window().scene().getRoot(), "alarms-acknowledged"));
    }

    @Test
    void aLockedSessionKeepsTheBannerAndSummaryLiveAndAsksForThePasswordBeforeAnAcknowledgement() throws Exception {
        start(Locale.ENGLISH);
        clickOn("#lockButton");
        Eventually.await("locked", Duration.ofSeconds(5), () -> lookup(".sign-in-overlay").query().isVisible());

        publishPlant("fault", "running");
        Eventually.await("a new alarm reaches the banner while locked", Duration.ofSeconds(10),
                () -> label(".banner-text").contains("Line 1 load station fault"));
        assertTrue(lookup(".alarm-table").query().isVisible(), "the summary stays visible while locked");
        AlarmRow row = rowOf(LOAD_FAULT);
        interact(() -> table().getSelectionModel().select(row));
        push(KeyCode.F9);
        Eventually.await("the note panel opens", Duration.ofSeconds(5),
                () -> label(".panel-title").equals("Acknowledge 1 alarm(s)"));
        clickOn(".alarm-note").write("seen on the floor");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(window.window().scene().getRoot(), "lock-with-alarms"));
        clickOn(".panel-confirm");
        Eventually.await("refused while locked", Duration.ofSeconds(10),
                () -> label(".summary-message").toLowerCase(Locale.ROOT).contains("locked"));

        clickOn("#password").write("olga-pass-1").type(KeyCode.ENTER);
        Eventually.await("unlocked", Duration.ofSeconds(10), () -> !lookup(".sign-in-overlay").query().isVisible());
        interact(() -> table().getSelectionModel().select(rowOf(LOAD_FAULT)));
        push(KeyCode.F9);
        clickOn(".alarm-note").write("seen on the floor");
        clickOn(".panel-confirm");
        Eventually.await("acknowledged after unlocking", Duration.ofSeconds(10),
                () -> label(".summary-message").equals("Acknowledged 1 alarm(s)."));
        List<String> actions = security.audit().latest(6).stream()
                .map(r -> r.entry().action() + ":" + r.entry().result()).toList();
        assertTrue(actions.containsAll(List.of("session.lock:OK", "session.unlock:OK",
                AlarmCommands.ACKNOWLEDGE + ":DENIED", AlarmCommands.ACKNOWLEDGE + ":OK")), actions.toString());
    }

    @Test
    void theJournalAndKpiWindowShowsWhatHappened() throws Exception {
        start(Locale.ENGLISH);
        publishPlant("fault", "running");
        Eventually.await("the alarm is raised", Duration.ofSeconds(10),
                () -> label(".banner-text").contains("Line 1 load station fault"));
        clickOn("#reviewButton");
        Eventually.await("the journal lists the activation", Duration.ofSeconds(10), () -> {
            var journal = lookup(".journal .table-view").tryQueryAs(TableView.class);
            return journal.isPresent() && journal.get().getItems().stream()
                    .anyMatch(r -> String.valueOf(r).contains(LOAD_FAULT));
        });
        clickOn("Journal"); // the review opens on the shift review tab
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(lookup(".review").query(), "review-journal"));
        clickOn("KPIs (EEMUA 191)");
        Eventually.await("the KPIs are computed", Duration.ofSeconds(10), () -> lookup(".kpi-figures .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().contains("Alarms annunciated: 1")));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(lookup(".review").query(), "review-kpis"));
    }

    @Test
    void twelveFaultsAreAFloodShownInChineseAndGroupedByStation() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE);
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            for (String line : List.of("line-1", "line-2")) {
                for (String st : List.of("load", "press", "weld", "paint", "inspect", "pack")) {
                    String topic = "lineside/demo/assembly/" + line + "/" + st + "/";
                    publisher.publish(topic + "state", "fault");
                    publisher.publish(topic + "temperature", 24.0);
                    publisher.publish(topic + "cycles", 1000);
                }
            }
        }
        Eventually.await("more than 10 alarms in 10 minutes is a flood", Duration.ofSeconds(10),
                () -> lookup(".banner-flood").query().isVisible());
        assertTrue(label(".banner-text").contains("\u53f7\u7ebf"), "Chinese message: " + label(".banner-text"));
        clickOn(".alarm-summary .check-box");
        Eventually.await("grouped by station, first-out marked", Duration.ofSeconds(5),
                () -> table().getItems().size() == 12
                        && table().getItems().stream().allMatch(r -> r.group().startsWith("\u25B6")));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(window.window().scene().getRoot(), "alarms-zh-CN"));
    }

    @Test
    void aFloodTheAlarmEvaluatorCannotTakeShowsAlarmEvaluationDelayed() throws Exception {
        start(Locale.ENGLISH);
        floodTheHeldEvaluator(() -> {
            Eventually.await("the status bar says so", Duration.ofSeconds(5),
                    () -> label("#alarmDelayedText").startsWith("Alarm evaluation delayed: 500 updates coalesced"));
            // 1280 x 800 only: the headless screen is that size, a larger stage breaks the next tests' rendering.
            interact(() -> {
                javafx.stage.Window stage = window.window().scene().getWindow();
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> Screenshots.save(window.window().scene().getRoot(), "alarms-delayed"));
        });
    }

    @Test
    void theDelayedNoticeIsInChineseToo() throws Exception {
        start(Locale.SIMPLIFIED_CHINESE);
        floodTheHeldEvaluator(() -> {
            Eventually.await("the status bar says so in Chinese", Duration.ofSeconds(5),
                    () -> label("#alarmDelayedText").startsWith("\u62A5\u8B66\u8BC4\u4F30\u5EF6\u8FDF"));
            interact(() -> {
                javafx.stage.Window stage = window.window().scene().getWindow();
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> Screenshots.save(window.window().scene().getRoot(), "alarms-delayed-zh-CN"));
        });
    }

    /** Holds the evaluator, offers 500 updates past its budget, runs {@code whileBehind}, then lets it go. */
    private void floodTheHeldEvaluator(Runnable whileBehind) throws Exception {
        var gate = new java.util.concurrent.CountDownLatch(1);
        services.alarms().submit(e -> {
            try {
                gate.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        try {
            Instant now = Instant.now();
            io.lineside.tags.TagPath tag = io.lineside.tags.TagPath.parse("demo/assembly/line-1/load/temperature");
            for (int i = 0; i < AlarmService.MAX_PENDING_UPDATES + 500; i++) {
                services.alarms().accept(new io.lineside.tags.TagUpdate(tag,
                        io.lineside.tags.TagValue.good(24.0, now, now, i)));
            }
            whileBehind.run();
        } finally {
            gate.countDown();
        }
    }

    /** Line 1 running with its load station in {@code loadState} and the weld station in {@code weldState}. */
    private void publishPlant(String loadState, String weldState) throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            for (String st : List.of("load", "press", "weld", "paint", "inspect", "pack")) {
                publisher.publish(LINE1 + st + "/state", st.equals("load") ? loadState
                        : st.equals("weld") ? weldState : "running");
                publisher.publish(LINE1 + st + "/temperature", 24.0);
                publisher.publish(LINE1 + st + "/speed", 50.0);
                publisher.publish(LINE1 + st + "/cycles", 1000);
            }
        }
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

    private String label(String query) {
        AtomicReference<String> text = new AtomicReference<>("");
        interact(() -> lookup(query).tryQueryAs(Label.class).ifPresent(l -> text.set(String.valueOf(l.getText()))));
        return text.get();
    }
}
