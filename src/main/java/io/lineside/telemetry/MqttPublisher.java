package io.lineside.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A small publishing client (the demo simulator's): never throws from {@link #publish}, counts what it
 * could not send, and lets Paho reconnect on its own after the first connection.
 */
public final class MqttPublisher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MqttPublisher.class.getName());

    private final MqttAsyncClient client;
    private final int qos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public MqttPublisher(String brokerUrl, String clientId, int qos) {
        this.qos = qos;
        try {
            client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot use broker URL " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Also receives messages on {@code filter} (QoS 1), resubscribed on every reconnect; {@code handler} runs on
     * Paho's thread and must return quickly (exceptions are logged, never reach Paho). Call before {@link #connect}.
     */
    public MqttPublisher listen(String filter, java.util.function.BiConsumer<String, byte[]> handler) {
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                try {
                    client.subscribe(filter, 1);
                } catch (MqttException e) {
                    LOG.log(System.Logger.Level.WARNING, "subscribe {0} failed: {1}", filter, e.getMessage());
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                try {
                    handler.accept(topic, message.getPayload());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "handler for " + topic + " failed", e);
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        return this;
    }

    /** Connects, waiting at most {@code timeout}; throws {@link IllegalStateException} with the operator message. */
    public MqttPublisher connect(Duration timeout) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(10_000);
        options.setKeepAliveInterval(5);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        options.setMaxInflight(1_000);
        try {
            client.connect(options).waitForCompletion(timeout.toMillis());
            return this;
        } catch (MqttException e) {
            throw new IllegalStateException(OperatorMessages.connectFailed(client.getServerURI(), e), e);
        }
    }

    /** Sends one message; when it cannot be sent it is counted and dropped. Safe from any thread. */
    public void publish(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, qos, false);
            sent.incrementAndGet();
        } catch (MqttException | RuntimeException e) {
            if (failed.incrementAndGet() % 1_000 == 1) {
                LOG.log(System.Logger.Level.WARNING, "publish failed ({0} so far): {1}", failed.get(), e.getMessage());
            }
        }
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "publisher close: {0}", e.getMessage());
        }
    }
}
