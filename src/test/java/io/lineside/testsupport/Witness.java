package io.lineside.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * An independent QoS 1 subscriber that is never killed: what the broker delivered, per topic, by the payload's
 * {@code "seq":n}. The oracle for "nothing the broker accepted is missing from history".
 */
public final class Witness implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

    private final MqttClient client;
    private final Map<String, BitSet> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> messages = new ConcurrentHashMap<>();

    public Witness(String brokerUrl, String filter) throws MqttException {
        client = new MqttClient(brokerUrl, "witness-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                throw new IllegalStateException("the witness must never lose its link", cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                messages.merge(topic, 1L, Long::sum);
                Matcher m = SEQ.matcher(new String(message.getPayload(), StandardCharsets.UTF_8));
                if (m.find()) {
                    BitSet bits = seen.computeIfAbsent(topic, t -> new BitSet());
                    synchronized (bits) {
                        bits.set(Integer.parseInt(m.group(1)));
                    }
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1_000);
        client.connect(options);
        client.subscribe(filter, 1);
    }

    /** The seqs delivered on {@code topic}, a copy. */
    public BitSet seqs(String topic) {
        BitSet bits = seen.getOrDefault(topic, new BitSet());
        synchronized (bits) {
            return (BitSet) bits.clone();
        }
    }

    /** Messages delivered on {@code topic}, with or without a seq. */
    public long messages(String topic) {
        return messages.getOrDefault(topic, 0L);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
