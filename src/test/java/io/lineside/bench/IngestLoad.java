package io.lineside.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A prepared burst of JSON telemetry, {@code {"v":..,"ts":..,"q":"good","seq":n}} round-robin over 500 tags
 * (100 stations x 5 signals) with per-tag sequence numbers, and the clock that times how fast it arrives.
 * Payloads are built before the clock starts so the publisher costs the same in every run.
 */
final class IngestLoad {

    static final int TAGS = 500;
    private static final String[] SIGNALS = {"state", "speed", "temperature", "cycles", "pressure"};

    record Message(String topic, byte[] payload) {
    }

    /**
     * What one run saw.
     *
     * @param delivered   messages the subscriber received
     * @param seconds     first publish to the last message received (or committed)
     * @param publishRate messages per second the publisher managed
     */
    record Timing(long delivered, double seconds, double publishRate) {
        double perSecond() {
            return delivered / seconds;
        }
    }

    private final List<Message> messages;

    /** {@code count} messages for the tags under {@code lineside/<site>/...}. */
    IngestLoad(String site, int count) {
        messages = new ArrayList<>(count);
        long ts = 1_700_000_000_000L;
        for (int i = 0; i < count; i++) {
            int tag = i % TAGS;
            int station = tag / SIGNALS.length;
            String topic = "lineside/" + site + "/bench/line-" + station / 20 + "/st-" + station + "/"
                    + SIGNALS[tag % SIGNALS.length];
            String json = String.format(Locale.ROOT, "{\"v\":%.2f,\"ts\":%d,\"q\":\"good\",\"seq\":%d}",
                    20 + (i % 997) * 0.01, ts + i, i / TAGS + 1);
            messages.add(new Message(topic, json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** An already built burst (e.g. Sparkplug payloads), published in list order. */
    IngestLoad(List<Message> messages) {
        this.messages = List.copyOf(messages);
    }

    int size() {
        return messages.size();
    }

    /**
     * Publishes everything at {@code qos}, then waits until {@code arrived} reaches the count or stops moving for
     * 5 s (messages lost). The time taken ends when the count last moved (polled every millisecond).
     */
    Timing publishAndAwait(String brokerUrl, int qos, LongSupplier arrived)
            throws MqttException, InterruptedException {
        if (messages.isEmpty()) {
            return new Timing(0, 0, 0);
        }
        long t0;
        double publishRate;
        try (LoadPublisher publisher = new LoadPublisher(brokerUrl, 1_000)) {
            t0 = System.nanoTime();
            for (Message m : messages) {
                publisher.publish(m.topic(), m.payload(), qos);
            }
            publisher.flush();
            publishRate = messages.size() / ((System.nanoTime() - t0) / 1e9);
        }
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = arrived.getAsLong();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
            if (now >= messages.size() || System.nanoTime() - lastChange > 5_000_000_000L) {
                break;
            }
            Thread.sleep(1);
        }
        return new Timing(last, (lastChange - t0) / 1e9, publishRate);
    }
}
