package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.MqttPublisher;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config with a {@code mappings:} section, end to end on a real Mosquitto and a real H2 file: one batched message
 * of a station becomes all of its tags in the TagStore and in history, with the metadata and flags the rule gives.
 */
class MappedServicesIT {

    private static final StationId PRESS = new StationId("p1", "assembly", "line-1", "press");

    @TempDir
    Path dir;

    @Test
    void aBatchedStationMessageReachesTheStoreAndHistoryAsOneTagPerSignal() throws Exception {
        Path file = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: tcp://127.0.0.1:1883
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/telemetry
                    kind: batch
                    timestamp: ts
                    seq: seq
                    signals:
                      - {name: temperature, path: values.temperature, unit: "°C", expectedPeriod: 1, range: [0, 250]}
                      - {name: speed, path: values.speed, unit: "m/min"}
                      - {name: state, path: state}
                  - topic: legacy/{site}/{area}/{line}/{station}/{signal}
                    kind: number
                """);
        AppConfig config = new ConfigLoader().load(file);
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC());
             MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), 1)
                     .connect(Duration.ofSeconds(5))) {
            Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
            Instant t0 = Instant.now();
            publisher.publish("plant/p1/assembly/line-1/press/telemetry", ("{\"ts\":" + t0.toEpochMilli()
                    + ",\"seq\":1,\"values\":{\"temperature\":81.5,\"speed\":12.0},\"state\":\"running\"}")
                    .getBytes(StandardCharsets.UTF_8));
            publisher.publish("plant/p1/assembly/line-1/press/telemetry", ("{\"ts\":" + t0.plusMillis(100).toEpochMilli()
                    + ",\"seq\":2,\"values\":{\"temperature\":900,\"speed\":13.0},\"state\":\"running\"}")
                    .getBytes(StandardCharsets.UTF_8));
            publisher.publish("legacy/p1/assembly/line-1/press/cycles", "1200".getBytes(StandardCharsets.UTF_8));

            Eventually.await("all tags in the store", Duration.ofSeconds(10), () -> {
                TagValue cycles = services.store().get(PRESS.signal("cycles"));
                TagValue speed = services.store().get(PRESS.signal("speed"));
                return cycles != null && speed != null && speed.number() == 13.0;
            });
            TagValue temperature = services.store().get(PRESS.signal("temperature"));
            assertEquals(Quality.UNCERTAIN, temperature.quality());
            assertTrue(temperature.outOfRange());
            assertEquals("running", services.store().get(PRESS.signal("state")).text());
            assertEquals("°C", services.store().meta(PRESS.signal("temperature")).unit());
            assertEquals(Duration.ofSeconds(1), services.store().meta(PRESS.signal("temperature")).expectedPeriod());

            Eventually.await("7 samples committed", Duration.ofSeconds(10),
                    () -> services.writer().writtenCount() >= 7);
            assertEquals(7, services.query().sampleCount(), "3 + 3 from the batches, 1 from the legacy rule");
            List<TrendBucket> temps = services.query().trend(PRESS.signal("temperature"), t0.minusSeconds(1),
                    t0.plusSeconds(1), 1);
            assertEquals(2, temps.getFirst().count());
            assertEquals(1, temps.getFirst().goodCount());
            assertEquals(Quality.UNCERTAIN, temps.getFirst().worst(), "history keeps the out-of-range sample as UNCERTAIN");
            assertEquals(81.5, temps.getFirst().max(), "only GOOD samples draw");
            assertTrue(services.query().tags().contains(TagPath.parse("p1/assembly/line-1/press/state")));
            assertEquals(0, services.pipeline().diagnostics().snapshot().parseErrors());
            assertEquals(1, services.pipeline().diagnostics().outOfRangeValues());
        }
    }

    @Test
    void theWatchdogTurnsATagStaleAfterThreeOfItsPeriodsAndLeavesOthersToTheGlobalLimit() throws Exception {
        Path file = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: tcp://127.0.0.1:1883
                staleAfterSeconds: 60
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/telemetry
                    kind: batch
                    signals:
                      - {name: temperature, path: t, expectedPeriod: 1}
                      - {name: speed, path: s}
                """);
        AppConfig config = new ConfigLoader().load(file);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     clock);
             MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), 1)
                     .connect(Duration.ofSeconds(5))) {
            Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
            publisher.publish("plant/p1/assembly/line-1/press/telemetry",
                    "{\"t\": 80, \"s\": 12}".getBytes(StandardCharsets.UTF_8));
            Eventually.await("both tags in the store", Duration.ofSeconds(10),
                    () -> services.store().get(PRESS.signal("speed")) != null);

            clock.advance(Duration.ofMillis(2_900));
            Thread.sleep(1_500); // at least one watchdog tick at the advanced time
            assertEquals(Quality.GOOD, services.store().get(PRESS.signal("temperature")).quality(),
                    "under 3 periods: still good");

            clock.advance(Duration.ofMillis(200));
            Eventually.await("temperature stale after 3 x 1 s", Duration.ofSeconds(5),
                    () -> services.store().get(PRESS.signal("temperature")).quality() == Quality.STALE);
            assertEquals(Quality.GOOD, services.store().get(PRESS.signal("speed")).quality(),
                    "no period configured: the global 60 s applies");
        }
    }
}
