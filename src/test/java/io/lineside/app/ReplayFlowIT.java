package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmCommands;
import io.lineside.security.Role;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.replay.ReplayAlarmRow;
import io.lineside.ui.station.TagRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import io.lineside.ui.review.JournalViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 23, end to end and headless: a scripted scenario goes through a real Mosquitto into the real spine and its
 * H2 file (line 1 running, its load station faults, the alarm is raised and acknowledged by olga, the broker is
 * killed), then the replay window opened from the main window's menu is moved to chosen instants by typing their
 * times, and what it shows is checked against what was published: the load station's state and quality on the
 * replayed line, its raw tags, and the alarm list with its states and who acknowledged.
 */
class ReplayFlowIT extends FxRobot {

    private static final String LINE1 = "lineside/demo/assembly/line-1/";
    private static final String LOAD_FAULT = "L1-LOAD-FAULT";
    private static final TagPath LOAD_STATE = TagPath.parse("demo/assembly/line-1/load/state");
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    @TempDir
    Path dir;
    private LiveSpine spine;
    private LinesideWindow window;
    private Stage replay;
    private boolean plan;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (replay != null) {
            interact(replay::close);
        }
        FxToolkit.cleanupStages();
        if (window != null) {
            interact(() -> window.dispose());
        }
        if (spine != null) {
            spine.close();
        }
    }

    /** With {@code floorPlan}, the window has the demo's layout: a replayed line is its floor plan, not its tiles. */
    @ParameterizedTest
    @CsvSource({"en, false", "en, true", "zh-CN, true"})
    void aRecordedFaultAckAndBrokerLossReplayAsTheyWerePublished(String language, boolean floorPlan) throws Exception {
        this.plan = floorPlan;
        Locale locale = Locale.forLanguageTag(language);
        Texts texts = Texts.forLocale(locale);
        spine = LiveSpine.start(dir, "ws-replay-it", "admin-secret-1");
        spine.addUser("olga", "Olga", Role.OPERATOR, "olga-pass-1");
        spine.security.session().login("olga", "olga-pass-1".toCharArray());
        AlarmCommands commands = spine.commands();
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(spine.services, spine.security, commands, texts, floorPlan,
                    Clock.systemDefaultZone());
            window.show(stage, "Lineside");
        });
        ZoneId zone = ZoneId.systemDefault();
        // Twenty minutes of recorded past, so "replay from 10 min before" the fault has history to land on.
        Instant past = Instant.now().minus(Duration.ofMinutes(20));
        spine.services.writer().put(new io.lineside.tags.TagUpdate(LOAD_STATE,
                new io.lineside.tags.TagValue("idle", past, past, Quality.GOOD, 1)));

        publishLine("running");
        awaitLive("running", Quality.GOOD);
        Instant running = settle();
        publishLine("fault");
        Eventually.await("the fault is raised", Duration.ofSeconds(10),
                () -> spine.services.alarms().snapshot().alarms().stream().anyMatch(a -> a.id().equals(LOAD_FAULT)));
        Instant raised = settle();
        assertTrue(commands.acknowledge(List.of(LOAD_FAULT), "jam cleared at infeed").get(10, TimeUnit.SECONDS)
                .toString().length() > 0);
        Eventually.await("acknowledged", Duration.ofSeconds(10), () -> spine.services.alarms().snapshot().alarms()
                .stream().anyMatch(a -> a.id().equals(LOAD_FAULT) && a.state().name().equals("ACKED")));
        Instant acked = settle();
        spine.broker.kill();
        awaitLive("fault", Quality.STALE);
        Instant lost = settle();
        Eventually.await("history has it all", Duration.ofSeconds(10),
                () -> spine.services.writer().backlog() == 0);

        interact(() -> replay = window.windows().open("replay"));
        Parent root = replay.getScene().getRoot();
        Eventually.await("the replay is loaded", Duration.ofSeconds(20),
                () -> text(root, "#replayBanner").startsWith(texts.get("replay.banner", "").strip().split(" ")[0])
                        && !lookupIn(root, "#replayTime").isDisabled());
        assertTrue(lookupIn(root, ".alarm-banner") != null, "the live alarm banner stays on top of the replay");
        jump(root, running, zone);
        Eventually.await("the replayed plant shows line 1", Duration.ofSeconds(5),
                () -> lookupIn(root, "#line-line-1") != null);
        String shots = "replay-" + (floorPlan ? "plan-" : "");
        if (!floorPlan) {
            shoot(root, "replay-plant-" + language);
        }
        clickOn(lookupIn(root, "#line-line-1"));
        assertTile(root, "running", "good");
        assertEquals(List.of(), alarms(root), "the fault is not raised yet");
        if (floorPlan) {
            assertEquals(null, lookupIn(root, ".fp-reload"), "a replay shows the layout, it does not reload it");
            assertMarker(root, null);
        }

        jump(root, raised, zone);
        assertTile(root, "fault", "good");
        assertEquals(List.of(LOAD_FAULT + ":" + texts.get("alarmState.UNACK") + ":"), alarms(root));
        if (floorPlan) {
            assertMarker(root, "fp-marker-high"); // the replayed alarm's marker on the load station, as live
            shoot(root, shots + "raised-" + language);
        }

        jump(root, acked, zone);
        List<String> ack = alarms(root);
        assertEquals(1, ack.size());
        assertTrue(ack.getFirst().startsWith(LOAD_FAULT + ":" + texts.get("alarmState.ACKED") + ":"), ack.toString());
        assertTrue(ack.getFirst().contains("olga"), "who acknowledged: " + ack);
        shoot(root, shots + "acked-" + language);

        jump(root, lost, zone);
        assertTile(root, "fault", "stale");
        clickOn(lookupIn(root, floorPlan ? "#plan-line-1-load" : "#tile-line-1-load"));
        // The station's faceplate as it was: its alarms are the replayed ones, and it offers no live trend.
        Eventually.await("the replayed faceplate lists the acknowledged fault", Duration.ofSeconds(5), () -> {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            interact(() -> {
                Node list = lookupIn(root, ".faceplate-alarms");
                ok.set(list instanceof javafx.scene.control.ListView<?> l && l.getItems().stream()
                        .map(io.lineside.ui.alarms.AlarmRow.class::cast).anyMatch(r -> r.alarm().id().equals(LOAD_FAULT)
                                && r.alarm().state().name().equals("ACKED")));
            });
            return ok.get();
        });
        assertFalse(lookupIn(root, "#faceplateTrendButton").isVisible(), "no live trend from a replay");
        shoot(root, shots + "faceplate-" + language);
        clickOn(lookupIn(root, "#faceplateTagsButton"));
        Eventually.await("the load station's raw tags", Duration.ofSeconds(5),
                () -> tags(root).stream().anyMatch(r -> r.path().equals(LOAD_STATE.toString())));
        TagRow state = tags(root).stream().filter(r -> r.path().equals(LOAD_STATE.toString())).findFirst()
                .orElseThrow();
        assertEquals(Quality.STALE, state.quality(), "the broker was lost: Stale, the last value held");
        shoot(root, shots + "lost-" + language);
        if (floorPlan) {
            return; // the journal's replay button is the same in both
        }

        // From the journal: "Replay from 10 min before" the fault's first row opens a replay of its own, cursor there.
        Stage[] opened = new Stage[1];
        interact(() -> opened[0] = window.windows().show("review"));
        Stage review = opened[0];
        Parent reviewRoot = review.getScene().getRoot();
        interact(() -> ((javafx.scene.control.TabPane) reviewRoot).getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<JournalViewModel.Row> journal = (TableView<JournalViewModel.Row>) lookupIn(reviewRoot,
                ".journal .table-view");
        Eventually.await("the journal lists the fault", Duration.ofSeconds(10),
                () -> journal.getItems().stream().anyMatch(r -> r.alarm().equals(LOAD_FAULT)));
        JournalViewModel.Row first = journal.getItems().stream().filter(r -> r.alarm().equals(LOAD_FAULT))
                .min(java.util.Comparator.comparing(JournalViewModel.Row::at)).orElseThrow();
        assertTrue(Duration.between(first.at(), raised).abs().toSeconds() < 3, "the activation: " + first);
        Button replayButton = (Button) lookupIn(reviewRoot, "#replayButton");
        assertTrue(replayButton.isDisabled(), "nothing selected, nothing to replay");
        interact(() -> journal.getSelectionModel().select(first));
        assertFalse(replayButton.isDisabled());
        shoot(review, reviewRoot, "journal-replay-" + language);
        List<javafx.stage.Window> before = List.copyOf(javafx.stage.Window.getWindows());
        clickOn(replayButton);
        Stage before10 = (Stage) javafx.stage.Window.getWindows().stream().filter(w -> !before.contains(w))
                .findFirst().orElseThrow(() -> new AssertionError("no replay window opened"));
        Parent beforeRoot = before10.getScene().getRoot();
        String expected = texts.get("replay.banner", HMS.format(first.at().minus(Duration.ofMinutes(10)).atZone(zone)));
        try { // not "now - 10 min" (the menu's replay): the fault was raised well over 9 s before this click
            Eventually.await("the replay starts 10 min before the fault", Duration.ofSeconds(20),
                    () -> text(beforeRoot, "#replayBanner").equals(expected));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": expected " + expected + ", shown "
                    + text(beforeRoot, "#replayBanner"), e);
        }
        interact(before10::close);
        interact(review::close);
    }

    /** Lets a second pass, returns an instant strictly after what was published and before what comes next. */
    private static Instant settle() throws InterruptedException {
        Thread.sleep(1_500);
        Instant at = Instant.now();
        Thread.sleep(1_500);
        return at;
    }

    private void jump(Parent root, Instant at, ZoneId zone) {
        interact(() -> ((javafx.scene.control.TextField) lookupIn(root, "#replayTime")).setText(
                HMS.format(at.atZone(zone))));
        clickOn(lookupIn(root, "#replayGo"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // a pulse or two
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The load station's tile, or on the floor plan its station symbol, shows {@code state} and {@code quality}. */
    private void assertTile(Parent root, String state, String quality) {
        Eventually.await("the replayed load station is " + state + "/" + quality, Duration.ofSeconds(5), () -> {
            AtomicReference<List<String>> classes = new AtomicReference<>(List.of());
            interact(() -> {
                if (!plan) {
                    classes.set(List.copyOf(lookupIn(root, "#tile-line-1-load").getStyleClass()));
                    return;
                }
                Node symbol = lookupIn(root, "#plan-line-1-load");
                List<String> all = new java.util.ArrayList<>(symbol.getStyleClass());
                all.addAll(symbol.lookup(".fp-station-body").getStyleClass());
                classes.set(all);
            });
            boolean ok = plan
                    ? classes.get().contains("fp-state-" + state) && classes.get().contains("fp-degraded")
                            == !quality.equals("good")
                    : classes.get().contains("state-" + state) && classes.get().contains("quality-" + quality);
            if (!ok) {
                System.err.println("[replay it] load tile classes: " + classes.get());
            }
            return ok;
        });
    }

    /** The load station symbol's alarm marker has {@code priorityClass}, or none is shown when it is null. */
    private void assertMarker(Parent root, String priorityClass) {
        Eventually.await("the load station's marker: " + priorityClass, Duration.ofSeconds(5), () -> {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            interact(() -> {
                Node marker = lookupIn(root, "#marker-l1-load");
                ok.set(priorityClass == null ? marker == null || !marker.isVisible()
                        : marker != null && marker.isVisible() && marker.getStyleClass().contains(priorityClass));
            });
            return ok.get();
        });
    }

    private List<String> alarms(Parent root) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<ReplayAlarmRow> table = (TableView<ReplayAlarmRow>) lookupIn(root, "#replayAlarms");
            out.set(table.getItems().stream().filter(r -> r.id().equals(LOAD_FAULT)) // the demo's no-data alarms aside
                    .map(r -> r.id() + ":" + r.state() + ":" + r.who()).toList());
        });
        return out.get();
    }

    private List<TagRow> tags(Parent root) {
        AtomicReference<List<TagRow>> out = new AtomicReference<>(List.of());
        interact(() -> {
            Node table = lookupIn(root, ".tags-table");
            if (table instanceof TableView<?> t) {
                out.set(t.getItems().stream().map(TagRow.class::cast).toList());
            }
        });
        return out.get();
    }

    private void shoot(Parent root, String name) {
        shoot(replay, root, name);
    }

    private void shoot(Stage stage, Parent root, String name) {
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
            interact(() -> Screenshots.save(root, name + "-" + size[0] + "x" + size[1]));
        }
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    private static Node lookupIn(Parent root, String query) {
        return root.lookup(query);
    }

    private String text(Parent root, String query) {
        AtomicReference<String> out = new AtomicReference<>("");
        interact(() -> {
            if (root.lookup(query) instanceof Label l) {
                out.set(String.valueOf(l.getText()));
            }
        });
        return out.get();
    }

    private void awaitLive(String loadState, Quality quality) {
        Eventually.await("live load state " + loadState + "/" + quality, Duration.ofSeconds(10), () -> {
            var v = spine.services.store().get(LOAD_STATE);
            return v != null && loadState.equals(v.value()) && v.quality() == quality;
        });
    }

    /** Line 1 running, its load station in {@code loadState}. */
    private void publishLine(String loadState) throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(spine.broker.url())) {
            for (String st : List.of("load", "press", "weld", "paint", "inspect", "pack")) {
                publisher.publish(LINE1 + st + "/state", st.equals("load") ? loadState : "running");
                publisher.publish(LINE1 + st + "/temperature", 24.0);
                publisher.publish(LINE1 + st + "/speed", 50.0);
                publisher.publish(LINE1 + st + "/cycles", 1000);
            }
        }
    }
}
