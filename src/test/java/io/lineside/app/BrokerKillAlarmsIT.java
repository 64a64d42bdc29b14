package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmState;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.telemetry.MqttPublisher;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.ui.Texts;
import io.lineside.ui.plant.LineTileViewModel;
import io.lineside.ui.plant.PlantViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a broker kill turns every affected alarm uncertain (held, not cleared) and every level Stale. The real
 * spine (Services with the demo alarms) against a real Mosquitto that is SIGKILLed; the plant overview's line tile
 * is read through its view-model off the toolkit.
 */
class BrokerKillAlarmsIT {

    private static final String PREFIX = "plant/demo/assembly/line-1/";
    private static final List<String> SIGNALS = List.of("load/state", "load/temperature", "press/state",
            "press/temperature");

    @TempDir
    Path dir;

    @Test
    void everyAffectedAlarmTurnsUncertainAndHeldAndTheLineTileSaysStale() throws Exception {
        Path file = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: tcp://127.0.0.1:1883
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/{signal}
                    kind: object
                """);
        AppConfig config = new ConfigLoader().load(file);
        Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
        try (broker; Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC())) {
            PlantViewModel plant = new PlantViewModel(services.store(), services.alarms()::snapshot, l -> Double.NaN,
                    Texts.forLocale(Locale.ENGLISH));
            try (MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), 1)
                    .connect(Duration.ofSeconds(5))) {
                Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
                publish(publisher, "load/state", "\"fault\"");
                publish(publisher, "press/state", "\"running\"");
                publish(publisher, "load/temperature", "25.0");
                publish(publisher, "press/temperature", "25.0");
                Eventually.await("the load fault is annunciated", Duration.ofSeconds(10),
                        () -> alarm(services, "L1-LOAD-FAULT") != null);
            }
            plant.pulse(Instant.now());
            LineTileViewModel tile = plant.lines().getFirst();
            assertEquals(Quality.GOOD, tile.qualityProperty().get());
            assertEquals("Fault", tile.stateTextProperty().get());
            assertEquals(0, services.alarms().snapshot().uncertain());

            broker.kill();
            Set<TagPath> published = Set.copyOf(SIGNALS.stream()
                    .map(s -> TagPath.parse("demo/assembly/line-1/" + s)).toList());
            long affected = services.alarms().definitions().stream().filter(d -> reads(d, published)).count();
            assertTrue(affected >= 6, "the demo has several alarms on these tags: " + affected);
            Eventually.await("every affected alarm uncertain", Duration.ofSeconds(10),
                    () -> services.alarms().snapshot().uncertain() == affected);
            ActiveAlarm fault = alarm(services, "L1-LOAD-FAULT");
            assertEquals(AlarmState.UNACK, fault.state(), "held, not cleared");
            assertTrue(fault.uncertain());
            plant.pulse(Instant.now());
            assertEquals(Quality.STALE, tile.qualityProperty().get());
            assertEquals("Stale (2 stations) \u00B7 last Fault", tile.stateTextProperty().get());
            services.close();

            // The workstation starts again on the same data directory: the states come back, marked restored,
            // and a fresh value re-evaluates them.
            broker.restart();
            try (Services again = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                    Clock.systemUTC())) {
                assertTrue(again.alarms().restoredAtStart() >= 1, "restored " + again.alarms().restoredAtStart());
                ActiveAlarm restored = alarm(again, "L1-LOAD-FAULT");
                assertEquals(AlarmState.UNACK, restored.state());
                assertTrue(restored.restored());
                try (MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), 1)
                        .connect(Duration.ofSeconds(5))) {
                    Eventually.await("subscribed again", Duration.ofSeconds(10),
                            () -> again.connection().subscribed());
                    publish(publisher, "load/state", "\"running\"");
                    Eventually.await("returned, unacknowledged and confirmed", Duration.ofSeconds(10), () -> {
                        ActiveAlarm a = alarm(again, "L1-LOAD-FAULT");
                        return a != null && a.state() == AlarmState.RTN_UNACK && !a.restored();
                    });
                }
            }
        }
    }

    private static boolean reads(AlarmDefinition d, Set<TagPath> tags) {
        return tags.contains(d.tag()) || d.condition().otherInputs().stream().anyMatch(tags::contains);
    }

    private static ActiveAlarm alarm(Services services, String id) {
        return services.alarms().snapshot().alarms().stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    private static void publish(MqttPublisher publisher, String signal, String json) throws Exception {
        publisher.publish(PREFIX + signal, ("{\"v\":" + json + ",\"ts\":" + System.currentTimeMillis() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
