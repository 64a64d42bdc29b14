package io.lineside.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes as fast as the broker takes it, keeping at most {@code window} publishes unfinished (Paho refuses more
 * than its max-inflight for QoS 1; for QoS 0 the window only bounds Paho's outgoing buffer). One thread only.
 */
final class LoadPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final int window;
    private final Deque<IMqttDeliveryToken> pending = new ArrayDeque<>();

    LoadPublisher(String brokerUrl, int window) throws MqttException {
        this.window = window;
        client = new MqttAsyncClient(brokerUrl, "bench-pub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // Paho completes a token a moment before it frees the in-flight slot: leave headroom.
        options.setMaxInflight(2 * window);
        client.connect(options).waitForCompletion(10_000);
    }

    void publish(String topic, byte[] payload, int qos) throws MqttException {
        while (pending.size() >= window) {
            pending.removeFirst().waitForCompletion(30_000);
        }
        while (true) {
            try {
                pending.addLast(client.publish(topic, payload, qos, false));
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.onSpinWait(); // the slot frees once Paho's receiver thread has processed the ack
            }
        }
    }

    /** Waits until every publish has left (QoS 0) or been acknowledged by the broker (QoS 1). */
    void flush() throws MqttException {
        while (!pending.isEmpty()) {
            pending.removeFirst().waitForCompletion(30_000);
        }
    }

    @Override
    public void close() throws MqttException {
        flush();
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
