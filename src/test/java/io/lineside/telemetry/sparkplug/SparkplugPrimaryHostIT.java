package io.lineside.telemetry.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineside.tags.TagStore;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.MqttConnection;
import io.lineside.testsupport.BlackholeProxy;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparkplug 3.0 primary host STATE against a real Mosquitto: a retained birth on connect, the Will (same
 * timestamp) when the link dies without a DISCONNECT, the death on a graceful close; nothing when not primary.
 */
class SparkplugPrimaryHostIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String STATE = "spBv1.0/STATE/hmi-7";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Mosquitto broker;

    @BeforeEach
    void start() {
        broker = Mosquitto.start(dir.resolve("broker"));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private SparkplugLink link(String url, boolean primary) {
        SparkplugSettings d = SparkplugSettings.defaults(List.of("plant1"), "hmi-7");
        SparkplugSettings settings = new SparkplugSettings(d.groups(), d.hostId(), primary, d.mapping(), d.limits(),
                d.reorderTimeout(), d.rebirthDebounce(), d.maxNodes());
        SparkplugLink link = new SparkplugLink(settings, new MqttConnection.Settings(url, "spb-" + System.nanoTime(),
                "", null, null), new StoreSink(new TagStore(), u -> { }), new IngestDiagnostics(), Clock.systemUTC(),
                status -> { });
        link.start();
        Eventually.await("host subscribed", WAIT, () -> link.connection().subscribed());
        return link;
    }

    @Test
    void primaryHostPublishesARetainedBirthAndItsWillWhenTheLinkIsCut() throws Exception {
        try (Watcher watcher = new Watcher(broker.url());
             BlackholeProxy proxy = BlackholeProxy.to(broker.port())) {
            long before = System.currentTimeMillis();
            SparkplugLink link = link(proxy.url(), true);
            try {
                MqttMessage birth = watcher.next();
                JsonNode born = JSON.readTree(birth.getPayload());
                assertTrue(born.get("online").asBoolean());
                long stamp = born.get("timestamp").asLong();
                assertTrue(stamp >= before && stamp <= System.currentTimeMillis(), "the connect time: " + stamp);
                assertEquals(1, birth.getQos());
                MqttMessage retained = Watcher.retained(broker.url());
                assertTrue(retained.isRetained());
                assertEquals(born, JSON.readTree(retained.getPayload()));

                proxy.close(); // the broker loses the client without a DISCONNECT: it publishes the Will
                JsonNode will = JSON.readTree(watcher.next().getPayload());
                assertFalse(will.get("online").asBoolean());
                assertEquals(stamp, will.get("timestamp").asLong(), "the Will carries the birth's timestamp");
                assertEquals(will, JSON.readTree(Watcher.retained(broker.url()).getPayload()));
            } finally {
                link.close();
            }
        }
    }

    @Test
    void aGracefulCloseOfAPrimaryHostPublishesItsDeath() throws Exception {
        try (Watcher watcher = new Watcher(broker.url())) {
            SparkplugLink link = link(broker.url(), true);
            long stamp = JSON.readTree(watcher.next().getPayload()).get("timestamp").asLong();
            link.close();
            JsonNode death = JSON.readTree(watcher.next().getPayload());
            assertFalse(death.get("online").asBoolean());
            assertEquals(stamp, death.get("timestamp").asLong());
        }
    }

    @Test
    void aNonPrimaryHostPublishesNoState() throws Exception {
        try (Watcher watcher = new Watcher(broker.url())) {
            SparkplugLink link = link(broker.url(), false);
            link.close();
            assertNull(watcher.messages.poll(2, TimeUnit.SECONDS));
        }
    }

    /** A plain subscriber to our STATE topic. */
    private static final class Watcher implements AutoCloseable {
        final BlockingQueue<MqttMessage> messages = new LinkedBlockingQueue<>();
        private final MqttClient client;

        Watcher(String url) throws Exception {
            client = new MqttClient(url, "watcher-" + System.nanoTime(), new MemoryPersistence());
            client.connect();
            client.subscribe(STATE, 1, (topic, message) -> messages.add(message));
        }

        MqttMessage next() throws InterruptedException {
            MqttMessage m = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(m != null, "a STATE message within " + WAIT);
            return m;
        }

        /** What a newcomer gets: the retained STATE. */
        static MqttMessage retained(String url) throws Exception {
            try (Watcher late = new Watcher(url)) {
                return late.next();
            }
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }
}
