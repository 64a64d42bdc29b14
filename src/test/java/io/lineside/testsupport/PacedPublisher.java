package io.lineside.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes reference JSON at QoS 1 round-robin over some topics at a fixed rate, keeping up to {@code window}
 * publishes unacknowledged, for load tests. Counts what the broker acknowledged (PUBACK). One thread only.
 */
public final class PacedPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final int window;
    private final Deque<IMqttDeliveryToken> pending = new ArrayDeque<>();
    private long acknowledged;
    private final Map<String, Long> sequences = new HashMap<>();

    public PacedPublisher(String brokerUrl, int window) throws MqttException {
        this.window = window;
        client = new MqttAsyncClient(brokerUrl, "paced-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(2 * window); // Paho frees a slot a moment after completing its token: headroom
        client.connect(options).waitForCompletion(10_000);
    }

    /**
     * Publishes {@code ratePerSecond} messages a second for {@code duration}, round-robin over {@code topics} (seq
     * n on each topic counts from 1 up, across calls), then waits for every PUBACK.
     *
     * @return messages published and acknowledged by the broker in this call
     */
    public long publish(List<String> topics, int ratePerSecond, Duration duration) throws MqttException {
        long total = duration.toMillis() * ratePerSecond / 1000;
        long start = System.nanoTime();
        long before = acknowledged;
        for (long i = 0; i < total; i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String topic = topics.get((int) (i % topics.size()));
            long seq = sequences.merge(topic, 1L, Long::sum);
            send(topic, ("{\"v\":" + seq % 100 + ",\"ts\":" + System.currentTimeMillis() + ",\"q\":\"good\",\"seq\":"
                    + seq + "}").getBytes(StandardCharsets.UTF_8));
        }
        flush();
        return acknowledged - before;
    }

    private void send(String topic, byte[] payload) throws MqttException {
        while (pending.size() >= window) {
            complete(pending.removeFirst());
        }
        while (true) {
            try {
                pending.addLast(client.publish(topic, payload, 1, false));
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private void complete(IMqttDeliveryToken token) throws MqttException {
        token.waitForCompletion(30_000);
        if (token.isComplete() && token.getException() == null) {
            acknowledged++;
        }
    }

    /** Waits for the PUBACK of everything published. */
    public void flush() throws MqttException {
        while (!pending.isEmpty()) {
            complete(pending.removeFirst());
        }
    }

    @Override
    public void close() throws MqttException {
        flush();
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
