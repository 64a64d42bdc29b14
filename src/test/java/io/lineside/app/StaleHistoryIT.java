package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.history.HistoryExport;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.MqttPublisher;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.io.StringWriter;
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
 * Issue 15: what the operator saw as STALE is in history too. A tag that falls silent past its limit (the
 * watchdog) and every tag when the broker goes away get a STALE row, through the same fan-out as values; the
 * export shows it.
 */
class StaleHistoryIT {

    private static final StationId PRESS = new StationId("p1", "assembly", "line-1", "press");
    private static final TagPath TEMPERATURE = PRESS.signal("temperature");

    @TempDir
    Path dir;

    @Test
    void aSilentTagAndALostBrokerAreStaleRowsInHistoryAndInTheExport() throws Exception {
        Path file = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: tcp://127.0.0.1:1883
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/{signal}
                    kind: object
                    signals:
                      - {name: temperature, unit: "°C", expectedPeriod: 1}
                """);
        AppConfig config = new ConfigLoader().load(file);
        Instant t0 = Instant.now();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC())) {
            try (MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), 1)
                    .connect(Duration.ofSeconds(5))) {
                Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
                publish(publisher, 1, 20.0);
                // Expected every 1 s: stale after 3 s of silence (the watchdog's turn).
                Eventually.await("stale in the store", Duration.ofSeconds(10), () -> quality(services) == Quality.STALE);
                publish(publisher, 2, 21.0);
                Eventually.await("good again", Duration.ofSeconds(10), () -> quality(services) == Quality.GOOD);
            }
            broker.kill(); // every tag turns stale at once
            Eventually.await("stale after the broker died", Duration.ofSeconds(10),
                    () -> quality(services) == Quality.STALE);
            Eventually.await("four rows stored", Duration.ofSeconds(10), () -> samples(services).size() == 4);
            List<TagValue> rows = samples(services);
            assertEquals(List.of(Quality.GOOD, Quality.STALE, Quality.GOOD, Quality.STALE),
                    rows.stream().map(TagValue::quality).toList());
            assertEquals(List.of(20.0, 20.0, 21.0, 21.0), rows.stream().map(TagValue::number).toList(),
                    "a STALE row keeps the last value it held");
            StringWriter csv = new StringWriter();
            new HistoryExport(services.database()).writeCsv(List.of(TEMPERATURE), t0.minusSeconds(5),
                    Instant.now().plusSeconds(5), csv);
            assertEquals(2, csv.toString().lines().filter(l -> l.contains("STALE")).count(), csv.toString());
        }
    }

    private static void publish(MqttPublisher publisher, int seq, double value) throws Exception {
        publisher.publish("plant/p1/assembly/line-1/press/temperature", ("{\"v\":" + value + ",\"seq\":" + seq
                + ",\"ts\":" + System.currentTimeMillis() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Quality quality(Services services) {
        TagValue v = services.store().get(TEMPERATURE);
        return v == null ? null : v.quality();
    }

    private static List<TagValue> samples(Services services) {
        try {
            return services.query().samples(TEMPERATURE, Instant.now().minusSeconds(120), Instant.now().plusSeconds(60),
                    100);
        } catch (io.lineside.history.HistoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
