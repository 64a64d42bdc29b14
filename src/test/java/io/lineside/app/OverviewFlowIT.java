package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
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

    private Mosquitto broker;
    private Services services;
    private LinesideWindow window;
    private InterimSecurity security;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"));
        services = new Services(AppConfig.demo(), broker.url(), "lineside-it-" + System.nanoTime(),
                dir.resolve("data"), Clock.systemDefaultZone());
        Eventually.await("connected", Duration.ofSeconds(10),
                () -> services.connection().status().state() == io.lineside.telemetry.ConnectionState.ONLINE);
        security = new InterimSecurity(dir.resolve("data"), "ws-it", Clock.systemUTC(),
                new io.lineside.security.PasswordHasher(1_000));
        AlarmCommands commands = new AlarmCommands(services.alarms(), security.actions, security.session);
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(services, commands, Texts.forLocale(Locale.ENGLISH), false,
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
        if (services != null) {
            services.close();
        }
        if (security != null) {
            security.close();
        }
        if (broker != null) {
            broker.close();
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
        Eventually.await("press tile shows the last published values", Duration.ofSeconds(10),
                () -> texts("#tile-line-1-press").containsAll(Set.of("Fault", "57.0", "59.0", "1014")));
        assertTrue(texts("#tile-line-1-press").stream().anyMatch(t -> t.startsWith("Good \u00B7 ")));
        assertTrue(lookup(".connection-text").queryAs(Label.class).getText().startsWith("Online"));
        assertTrue(lookup("#tile-line-1-press").query().getStyleClass().contains("state-fault"));

        clickOn("#tile-line-1-press");
        Eventually.await("trend title", Duration.ofSeconds(5),
                () -> "Last 15 minutes \u2014 line-1 / press".equals(lookup(".trend-title").queryAs(Label.class).getText()));
        Eventually.await("temperature trend drawn from H2", Duration.ofSeconds(10), () -> {
            LineChart<?, ?> chart = lookup("#temperatureChart").queryAs(LineChart.class);
            return !chart.getData().isEmpty() && !chart.getData().get(0).getData().isEmpty();
        });
        assertTrue(services.query().sampleCount() >= 75, "history holds the published samples");
        AtomicReference<Path> shot = new AtomicReference<>();
        interact(() -> shot.set(Screenshots.save(window.window().scene().getRoot(), "overview-flow")));
        assertTrue(shot.get().toFile().length() > 10_000);
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
        Eventually.await("the speed turns BAD, not last-good", Duration.ofSeconds(10),
                () -> texts("#tile-line-1-press").stream().anyMatch(t -> t.startsWith("Bad")));
        assertTrue(!texts("#tile-line-1-press").contains("50.0"), "the last good value is not shown as current");
        clickOn(".status-button");
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
