package io.lineside.telemetry;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A Sparkplug 3.0 primary host application's STATE on one connection: each connect registers a Will
 * {@code {"online":false,"timestamp":t}} on {@link #topic}, and once connected publishes the birth
 * {@code {"online":true,"timestamp":t}} with the same {@code t}; a graceful close publishes the death itself. All
 * QoS 1 and retained, as the spec requires. Used by {@link MqttConnection} on its supervisor thread only.
 */
public final class HostPresence {

    private static final System.Logger LOG = System.getLogger(HostPresence.class.getName());
    private static final int QOS = 1;

    private final String topic;
    private volatile long timestamp; // set on the supervisor thread, read by close() too

    /** @param topic {@code spBv1.0/STATE/<host_id>} */
    public HostPresence(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The STATE payload, e.g. {@code {"online":true,"timestamp":1700000000000}}. */
    public static byte[] payload(boolean online, long timestamp) {
        return ("{\"online\":" + online + ",\"timestamp\":" + timestamp + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Registers the Will of the attempt starting at {@code now} (epoch ms). */
    void arm(MqttConnectOptions options, long now) {
        timestamp = now;
        options.setWill(topic, payload(false, timestamp), QOS, true);
    }

    /** Publishes the birth, after the subscriptions were sent (the spec's order). */
    void birth(MqttAsyncClient client) {
        publish(client, true);
    }

    /** Publishes the death before a graceful disconnect, waiting at most {@code waitMillis}. */
    void death(MqttAsyncClient client, long waitMillis) {
        IMqttToken token = publish(client, false);
        try {
            if (token != null) {
                token.waitForCompletion(waitMillis);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "STATE death not confirmed: {0}", e.getMessage());
        }
    }

    private IMqttToken publish(MqttAsyncClient client, boolean online) {
        try {
            return client.publish(topic, payload(online, timestamp), QOS, true, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    LOG.log(System.Logger.Level.WARNING, "STATE {0} on {1} failed: {2}", online, topic,
                            error.getMessage());
                }
            });
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "STATE {0} on {1} not sent: {2}", online, topic, e.getMessage());
            return null;
        }
    }
}
