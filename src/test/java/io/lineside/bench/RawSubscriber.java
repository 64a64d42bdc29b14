package io.lineside.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The baseline: a Paho v3 subscriber whose callback only counts, connected like Lineside's (clean session,
 * subscription at QoS 1 so the publisher's QoS decides). Counters are safe from any thread.
 */
final class RawSubscriber implements AutoCloseable {

    private final MqttAsyncClient client;
    private final AtomicLong received = new AtomicLong();
    private volatile long lastNanos;

    RawSubscriber(String brokerUrl, String filter) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, "bench-raw-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.incrementAndGet();
                lastNanos = System.nanoTime();
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(100);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(filter, 1).waitForCompletion(10_000);
    }

    long received() {
        return received.get();
    }

    /** {@link System#nanoTime()} of the last message. */
    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
