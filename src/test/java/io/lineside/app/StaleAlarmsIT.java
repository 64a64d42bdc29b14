package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmState;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.MqttPublisher;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.TahuEdgeNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: staleness that is not a broker loss (the watchdog's, a Sparkplug NDEATH or DDEATH) reaches the alarm
 * engine through the one fan-out, so an active alarm on the tag turns uncertain and holds its state. The real
 * Services against a real Mosquitto; the Sparkplug publisher is a Tahu edge node.
 */
class StaleAlarmsIT {

    private static final TagPath SPEED = TagPath.parse("plant1/press-cell/press1/Ram/speed");
    private static final TagPath PRESSURE = TagPath.parse("plant1/press-cell/node/Hydraulics/pressure");

    @TempDir
    Path dir;

    @Test
    void theWatchdogsStalenessTurnsAnActiveJsonAlarmUncertainAndHoldsIt() throws Exception {
        Path alarms = Files.writeString(dir.resolve("alarms.yaml"), """
                alarms:
                  - id: T-HIGH
                    tag: demo/assembly/line-1/load/temperature
                    kind: limit
                    level: H
                    limit: 30.0
                    offDelaySeconds: 1
                    priority: High
                    message: {en: "Load temperature high"}
                """);
        Path file = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: tcp://127.0.0.1:1883
                staleAfterSeconds: 2
                alarms: %s
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/{signal}
                    kind: object
                """.formatted(alarms.toAbsolutePath()));
        AppConfig config = new ConfigLoader().load(file);
        TagPath tag = TagPath.parse("demo/assembly/line-1/load/temperature");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC());
             MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), 1)
                     .connect(Duration.ofSeconds(5))) {
            Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
            publisher.publish("plant/demo/assembly/line-1/load/temperature",
                    ("{\"v\":35.0,\"ts\":" + System.currentTimeMillis() + "}").getBytes(StandardCharsets.UTF_8));
            Eventually.await("the high temperature is annunciated", Duration.ofSeconds(5),
                    () -> alarm(services, "T-HIGH") != null);
            ActiveAlarm raised = alarm(services, "T-HIGH");
            assertEquals(AlarmState.UNACK, raised.state());
            assertFalse(raised.uncertain(), "a Good input: certain");
            assertEquals(0, services.alarms().snapshot().uncertain());

            // No more values: the watchdog (2 s limit, 1 s tick) marks the tag stale while the broker link stays up.
            Eventually.await("the watchdog marks the tag stale", Duration.ofSeconds(6),
                    () -> services.store().get(tag).quality() == Quality.STALE);
            Eventually.await("the alarm turns uncertain", Duration.ofSeconds(3),
                    () -> alarm(services, "T-HIGH") != null && alarm(services, "T-HIGH").uncertain());
            assertEquals(ConnectionState.ONLINE, services.connection().status().state(),
                    "the watchdog's staleness, not a broker loss");
            Thread.sleep(1_500); // past the off-delay: a stale input must not clear it
            ActiveAlarm held = alarm(services, "T-HIGH");
            assertNotNull(held, "held, not cleared");
            assertEquals(AlarmState.UNACK, held.state(), "held, not cleared");
            assertTrue(held.uncertain());
            assertEquals(1, services.alarms().snapshot().uncertain());
        }
    }

    /** The edge born with a pressure over its limit, then a speed over its: both alarms annunciated. */
    private static void bornWithBothAlarmsActive(Services services, TahuEdgeNode edge) throws Exception {
        Eventually.await("Sparkplug link subscribed", Duration.ofSeconds(10),
                () -> services.sparkplug().orElseThrow().connection().subscribed());
        edge.pressure = 250.0;
        edge.birth();
        edge.deviceData(2.0);
        Eventually.await("both alarms annunciated", Duration.ofSeconds(5),
                () -> alarm(services, "SPEED-HIGH") != null && alarm(services, "PRESSURE-HIGH") != null);
    }

    @Test
    void aSparkplugNodeDeathTurnsTheAlarmsOnItsNodeAndDeviceMetricsUncertain() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = sparkplugServices(broker);
             TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 5)) {
            bornWithBothAlarmsActive(services, edge);
            assertEquals(0, services.alarms().snapshot().uncertain());

            edge.death(5);
            Eventually.await("both alarms uncertain on NDEATH", Duration.ofSeconds(3),
                    () -> services.alarms().snapshot().uncertain() == 2);
            assertEquals(Quality.STALE, services.store().get(SPEED).quality());
            assertEquals(Quality.STALE, services.store().get(PRESSURE).quality());
            for (String id : List.of("SPEED-HIGH", "PRESSURE-HIGH")) {
                ActiveAlarm a = alarm(services, id);
                assertEquals(AlarmState.UNACK, a.state(), id + " held, not cleared");
                assertTrue(a.uncertain(), id);
            }
        }
    }

    @Test
    void aSparkplugDeviceDeathTurnsOnlyTheDevicesAlarmUncertain() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = sparkplugServices(broker);
             TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 5)) {
            bornWithBothAlarmsActive(services, edge);

            edge.deviceDeath();
            Eventually.await("the device's alarm uncertain on DDEATH", Duration.ofSeconds(3),
                    () -> alarm(services, "SPEED-HIGH").uncertain());
            ActiveAlarm speed = alarm(services, "SPEED-HIGH");
            assertEquals(AlarmState.UNACK, speed.state(), "held, not cleared");
            assertEquals(Quality.STALE, services.store().get(SPEED).quality());
            TagValue pressure = services.store().get(PRESSURE);
            assertEquals(Quality.GOOD, pressure.quality(), "the node itself is alive");
            assertFalse(alarm(services, "PRESSURE-HIGH").uncertain(), "a node metric is not the device's");
            assertEquals(1, services.alarms().snapshot().uncertain());
        }
    }

    private Services sparkplugServices(Mosquitto broker) throws Exception {
        Path alarms = Files.writeString(dir.resolve("alarms.yaml"), """
                alarms:
                  - id: SPEED-HIGH
                    tag: plant1/press-cell/press1/Ram/speed
                    kind: limit
                    level: H
                    limit: 1.0
                    priority: High
                    message: {en: "Ram speed high"}
                  - id: PRESSURE-HIGH
                    tag: plant1/press-cell/node/Hydraulics/pressure
                    kind: limit
                    level: H
                    limit: 200.0
                    priority: Medium
                    message: {en: "Hydraulic pressure high"}
                """);
        AppConfig base = AppConfig.demo();
        // An hour's watchdog limit: any staleness within the test comes from the death certificates.
        AppConfig config = new AppConfig(base.brokerUrl(), base.clientId(), base.username(), base.password(),
                base.topicPrefix(), base.dataDir(), Duration.ofHours(1), base.language(), List.of(), Optional.empty(),
                base.idleLock(), Optional.of(alarms),
                Optional.of(SparkplugSettings.defaults(List.of(TahuEdgeNode.GROUP), "it-host")));
        return new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"), Clock.systemUTC());
    }

    private static ActiveAlarm alarm(Services services, String id) {
        return services.alarms().snapshot().alarms().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }
}
