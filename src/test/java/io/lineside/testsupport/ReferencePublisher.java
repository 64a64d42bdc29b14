package io.lineside.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Publishes known values with per-topic sequence numbers and source times, for oracles in tests. */
public final class ReferencePublisher implements AutoCloseable {

    private final MqttClient client;
    private final Map<String, Long> seq = new HashMap<>();

    public ReferencePublisher(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "reference-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1_000); // Paho frees an in-flight slot after waking the waiter: 10 can race
        client.connect(options);
    }

    /** Publishes {@code {"v":value,"ts":now,"q":"good","seq":n}} at QoS 1 on {@code topic}. */
    public void publish(String topic, Object value) throws MqttException {
        long n = seq.merge(topic, 1L, Long::sum);
        String v = value instanceof String s ? "\"" + s + "\"" : String.format(Locale.ROOT, "%s", value);
        String json = "{\"v\":" + v + ",\"ts\":" + System.currentTimeMillis() + ",\"q\":\"good\",\"seq\":" + n + "}";
        client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Publishes {@code payload} as it is (for malformed and hostile payloads). */
    public void publishRaw(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
