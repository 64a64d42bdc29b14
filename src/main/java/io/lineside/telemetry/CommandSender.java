package io.lineside.telemetry;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The command path of an {@link MqttConnection}: at most {@code maxPending} messages queued or in flight, each handed
 * to Paho's asynchronous client on the supervisor thread (which never waits for delivery). Safe from any thread.
 */
final class CommandSender {

    private static final System.Logger LOG = System.getLogger(CommandSender.class.getName());

    private final MqttAsyncClient client;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();

    CommandSender(MqttAsyncClient client, int maxPending) {
        this.client = client;
        this.maxPending = maxPending;
    }

    /** Queues one message on {@code supervisor}; false when too many are pending or the supervisor is stopped. */
    boolean submit(Executor supervisor, String topic, byte[] payload, int qos) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            return false;
        }
        byte[] copy = payload.clone();
        try {
            supervisor.execute(() -> send(topic, copy, qos));
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            return false;
        }
    }

    private void send(String topic, byte[] payload, int qos) {
        try {
            client.publish(topic, payload, qos, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    pending.decrementAndGet();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    pending.decrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "publish to {0} failed: {1}", topic, error.getMessage());
                }
            });
        } catch (MqttException | RuntimeException e) {
            pending.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "publish to {0} not sent: {1}", topic, e.getMessage());
        }
    }
}
