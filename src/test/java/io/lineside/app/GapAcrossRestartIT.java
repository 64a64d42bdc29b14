package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages published while the HMI is down and never queued for it (QoS 0) show up after the restart as a gap
 * marker: the first seq is compared with the last one stored in H2, not with an empty in-memory table.
 */
class GapAcrossRestartIT {

    private static final String TOPIC = "lineside/demo/assembly/line-1/press/speed";
    private static final TagPath SPEED = TagPath.parse("demo/assembly/line-1/press/speed");
    private static final long T0 = 1_790_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void seqPublishedWhileTheHmiWasDownIsAGapMarkerAfterRestart() throws Exception {
        String clientId = "gap-restart-" + System.nanoTime();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            MqttClient publisher = new MqttClient(broker.url(), "pub-" + System.nanoTime(), new MemoryPersistence());
            publisher.connect();
            try (Services first = open(broker, clientId)) {
                for (int seq = 1; seq <= 10; seq++) {
                    publish(publisher, seq);
                }
                Eventually.await("10 stored", Duration.ofSeconds(10), () -> samples(first) == 10);
            }
            for (int seq = 11; seq <= 20; seq++) {
                publish(publisher, seq); // QoS 0: the broker keeps none of these for the offline HMI
            }
            try (Services second = open(broker, clientId)) {
                publish(publisher, 21);
                Eventually.await("21 stored", Duration.ofSeconds(10), () -> samples(second) == 11);
                Eventually.await("gap written", Duration.ofSeconds(10), () -> gaps(second).size() == 1);
                TagGap gap = gaps(second).getFirst();
                assertEquals(10, gap.missing());
                assertEquals(SPEED, gap.path());
                assertEquals(Instant.ofEpochMilli(T0 + 10_000), gap.from(), "from the last stored sample");
                assertEquals(Instant.ofEpochMilli(T0 + 21_000), gap.to(), "to the first one after the restart");

                publish(publisher, 22);
                Eventually.await("22 stored", Duration.ofSeconds(10), () -> samples(second) == 12);
                assertEquals(1, gaps(second).size(), "an unbroken sequence adds no gap");
            }
            publisher.disconnect();
            publisher.close();
        }
    }

    private Services open(Mosquitto broker, String clientId) throws Exception {
        Services services = new Services(AppConfig.demo(), broker.url(), clientId, dir.resolve("data"),
                Clock.systemUTC());
        Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
        return services;
    }

    private static void publish(MqttClient publisher, int seq) throws Exception {
        String json = "{\"v\":" + seq + ",\"ts\":" + (T0 + seq * 1_000L) + ",\"q\":\"good\",\"seq\":" + seq + "}";
        publisher.publish(TOPIC, json.getBytes(StandardCharsets.UTF_8), 0, false);
    }

    private static long samples(Services services) {
        try {
            return services.query().sampleCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TagGap> gaps(Services services) {
        try {
            return services.query().gaps(SPEED, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 60_000));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
