package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmCommands;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.trend.TrendChart;
import io.lineside.ui.trend.TrendData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole slice, headless: Mosquitto → ingest → tag store/H2 → overview tiles → click → trend. */
class OverviewFlowIT extends FxRobot {

    private static final String PRESS = "lineside/demo/assembly/line-1/press/";

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

    @BeforeEach
    void start() throws Exception {
        spine = LiveSpine.start(dir, "it", "admin-pass-1"); // the admin exists, else the first-run panel covers all
        broker = spine.broker;
        services = spine.services;
        security = spine.security;
        AlarmCommands commands = spine.commands();
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(services, security, commands, Texts.forLocale(Locale.ENGLISH), false,
                    Clock.systemDefaultZone());
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
    void overviewShowsLiveDataAndAClickOpensTheStationTrend() throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            for (int i = 0; i < 15; i++) {
                publisher.publish(PRESS + "state", i < 14 ? "running" : "fault");
                publisher.publish(PRESS + "speed", 50.0 + i * 0.5);
                publisher.publish(PRESS + "temperature", 45.0 + i);
                publisher.publish(PRESS + "cycles", 1000 + i);
                publisher.publish("lineside/demo/assembly/line-1/weld/state", "running");
                Thread.sleep(60);
            }
        }
        openLine1();
        Eventually.await("press tile shows the last published values", Duration.ofSeconds(10),
                () -> texts("#tile-line-1-press").containsAll(Set.of("Fault", "57.0", "59.0", "1014")));
        assertTrue(texts("#tile-line-1-press").stream().anyMatch(t -> t.startsWith("Good \u00B7 ")));
        assertTrue(lookup(".connection-text").queryAs(Label.class).getText().startsWith("Online"));
        assertTrue(lookup("#tile-line-1-press").query().getStyleClass().contains("state-fault"));

        clickOn("#tile-line-1-press"); // the station's faceplate (L3), and from there its full trend
        Eventually.await("faceplate", Duration.ofSeconds(5),
                () -> "line-1 / press".equals(lookup(".faceplate .level-title").queryAs(Label.class).getText()));
        clickOn("#faceplateTrendButton");
        Eventually.await("trend title", Duration.ofSeconds(5),
                () -> "line-1 / press".equals(lookup(".trend-title").queryAs(Label.class).getText()));
        Eventually.await("temperature trend drawn from H2", Duration.ofSeconds(10), () -> {
            TrendData data = lookup(".trend-canvas").queryAs(TrendChart.class).getData();
            return data != null && data.pens().getFirst().path().signal().equals("temperature")
                    && !data.buckets().getFirst().isEmpty();
        });
        assertTrue(services.query().sampleCount() >= 75, "history holds the published samples");
        AtomicReference<Path> shot = new AtomicReference<>();
        interact(() -> shot.set(Screenshots.save(window.window().scene().getRoot(), "overview-flow")));
        assertTrue(shot.get().toFile().length() > 10_000);
    }

    @Test
    void aLockedSessionCoversThePlantViewsButNotTheHeaderAndUnlocksWithThePassword() throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            publisher.publish(PRESS + "state", "running");
        }
        openLine1();
        Eventually.await("press tile", Duration.ofSeconds(10), () -> lookup("#tile-line-1-press").tryQuery().isPresent());
        clickOn("#signInButton");
        clickOn("#name").write("admin");
        clickOn("#password").write("admin-pass-1").type(KeyCode.ENTER);
        Eventually.await("signed in", Duration.ofSeconds(10),
                () -> "admin \u00B7 Administrator".equals(lookup(".session-user").queryAs(Label.class).getText()));

        clickOn("#lockButton");
        Eventually.await("lock panel", Duration.ofSeconds(5),
                () -> lookup(".sign-in-overlay").query().isVisible()
                        && "Locked \u2014 admin".equals(lookup(".sign-in-heading").queryAs(Label.class).getText()));
        clickOn("#tile-line-1-press"); // lands on the panel, not on the tile
        Thread.sleep(300);
        assertNotEquals("line-1 / press", lookup(".trend-title").queryAs(Label.class).getText(),
                "a locked plant view takes no clicks");
        assertTrue(lookup(".connection-text").query().isVisible(), "the header stays visible and live");
        interact(() -> Screenshots.save(window.window().scene().getRoot(), "lock"));

        clickOn("#password").write("wrong-password").type(KeyCode.ENTER);
        Eventually.await("refusal shown", Duration.ofSeconds(10), () -> "Unknown user name or wrong password."
                .equals(lookup(".sign-in-message").queryAs(Label.class).getText()));
        clickOn("#password").write("admin-pass-1").type(KeyCode.ENTER);
        Eventually.await("unlocked", Duration.ofSeconds(10), () -> !lookup(".sign-in-overlay").query().isVisible());

        clickOn("#usersButton");
        Eventually.await("users listed", Duration.ofSeconds(10),
                () -> lookup(".users .table-view").queryTableView().getItems().size() == 1);
        clickOn("#verifyButton");
        Eventually.await("audit verified on screen", Duration.ofSeconds(10), () -> lookup(".users .label")
                .queryAllAs(Label.class).stream().anyMatch(l -> String.valueOf(l.getText()).startsWith("Audit trail intact")));
        interact(() -> Screenshots.save(lookup(".users").query(), "users"));

        List<String> actions = security.audit().latest(10).stream()
                .map(r -> r.entry().action() + ":" + r.entry().result()).toList();
        assertTrue(actions.containsAll(List.of("session.login:OK", "session.lock:OK", "session.unlock:DENIED",
                "session.unlock:OK", "audit.verify:OK")), actions.toString());
    }

    @Test
    void aMalformedPayloadTurnsTheTagBadAndShowsInTheDiagnosticsWindow() throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            publisher.publish(PRESS + "speed", 50.0);
            publisher.publish(PRESS + "state", "running");
            publisher.publish(PRESS + "temperature", 45.0);
            publisher.publishRaw(PRESS + "speed", "{\"v\": 51.0, oops");
            publisher.publishRaw("lineside/not/an/isa95/topic", "1");
        }
        openLine1();
        Eventually.await("the speed turns BAD, not last-good", Duration.ofSeconds(10),
                () -> texts("#tile-line-1-press").stream().anyMatch(t -> t.startsWith("Bad")));
        assertTrue(!texts("#tile-line-1-press").contains("50.0"), "the last good value is not shown as current");
        clickOn("#diagnosticsButton");
        Eventually.await("diagnostics window shows the bad payload", Duration.ofSeconds(5), () -> {
            var area = lookup(".diag-payload").tryQueryAs(javafx.scene.control.TextArea.class);
            return area.isPresent() && area.get().getText().startsWith("Topic: " + PRESS + "speed");
        });
        Eventually.await("the unknown topic is listed", Duration.ofSeconds(5), () -> lookup(".diag-topics")
                .queryListView().getItems().contains("1  lineside/not/an/isa95/topic"));
        interact(() -> Screenshots.save(lookup(".diagnostics").query(), "diagnostics"));
        assertTrue(lookup(".diag-counters").queryAs(Label.class).getText()
                .contains("Payloads that failed to decode (tag marked BAD): 1"));
    }

    @Test
    void brokerLossShowsOfflineAndStaleWithinTwoSeconds() throws Exception {
        try (ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            publisher.publish(PRESS + "state", "running");
            publisher.publish(PRESS + "speed", 50.0);
            publisher.publish(PRESS + "temperature", 45.0);
        }
        openLine1();
        Eventually.await("tile is live", Duration.ofSeconds(10),
                () -> texts("#tile-line-1-press").stream().anyMatch(t -> t.startsWith("Good")));
        broker.kill();
        Eventually.await("offline and stale", Duration.ofSeconds(2), () ->
                lookup(".connection-text").queryAs(Label.class).getText().startsWith("Offline")
                        && texts("#tile-line-1-press").stream().anyMatch(t -> t.startsWith("Stale")));
        assertEquals(true, lookup(".connection").query().getStyleClass().contains("offline"));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(window.window().scene().getRoot(), "overview-offline"));
    }

    /** The plant overview (L1) opens first: go to line-1's station tiles (L2). */
    private void openLine1() throws Exception {
        Eventually.await("line-1 on the plant overview", Duration.ofSeconds(10),
                () -> lookup("#line-line-1").tryQuery().isPresent());
        clickOn("#line-line-1");
        Eventually.await("line-1's stations", Duration.ofSeconds(5), () -> lookup(".line-stations").tryQuery().isPresent());
    }

    private Set<String> texts(String query) {
        AtomicReference<Set<String>> result = new AtomicReference<>(Set.of());
        interact(() -> {
            Node tile = lookup(query).tryQuery().orElse(null);
            if (tile != null) {
                result.set(Set.copyOf(from(tile).lookup(".label").queryAllAs(Label.class).stream()
                        .map(Label::getText).filter(t -> t != null).toList()));
            }
        });
        return result.get();
    }
}
