package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagUpdate;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscribing link against a real Mosquitto on a loopback port. */
class MqttConnectionIT {

    @TempDir
    Path dir;

    @Test
    void deliversMessagesAndReconnectsAfterTheBrokerDies() throws Exception {
        List<TagUpdate> updates = new CopyOnWriteArrayList<>();
        List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), updates::add,
                     Clock.systemUTC(), 256 * 1024, 10_000);
             MqttConnection connection = new MqttConnection(new MqttConnection.Settings(broker.url(),
                     "lineside-test-" + System.nanoTime(), "lineside/#", null, null), pipeline::offer,
                     Clock.systemUTC())) {
            connection.onStatus(statuses::add);
            connection.start();
            Eventually.await("online", Duration.ofSeconds(10),
                    () -> connection.status().state() == ConnectionState.ONLINE);

            publish(broker, "lineside/demo/assembly/line-1/press/speed", "{\"v\":58,\"seq\":1}", 20);
            Eventually.await("20 updates", Duration.ofSeconds(10), () -> updates.size() >= 20);

            broker.kill();
            long lost = System.nanoTime();
            Eventually.await("offline", Duration.ofSeconds(2),
                    () -> connection.status().state() == ConnectionState.OFFLINE);
            assertTrue((System.nanoTime() - lost) / 1_000_000 <= 2_000);
            assertTrue(connection.status().detail().contains("lost") || connection.status().detail().contains("refused"),
                    connection.status().detail());

            broker.restart();
            Eventually.await("back online", Duration.ofSeconds(12),
                    () -> connection.status().state() == ConnectionState.ONLINE);
            assertEquals(1, connection.status().reconnects());

            int before = updates.size();
            publish(broker, "lineside/demo/assembly/line-1/press/speed", "{\"v\":59,\"seq\":100}", 5);
            Eventually.await("updates after the reconnect (resubscribed)", Duration.ofSeconds(10),
                    () -> updates.size() >= before + 5);
        }
        assertTrue(statuses.stream().anyMatch(s -> s.state() == ConnectionState.OFFLINE));
    }

    @Test
    void aMissingBrokerGivesAPreciseMessageAndKeepsRetrying() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (MqttConnection connection = new MqttConnection(new MqttConnection.Settings(
                "tcp://127.0.0.1:" + deadPort, "lineside-test-" + System.nanoTime(), "lineside/#", null, null),
                (t, p, ack) -> { }, Clock.systemUTC())) {
            List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
            connection.onStatus(statuses::add);
            connection.start();
            Eventually.await("three failed attempts", Duration.ofSeconds(10), () -> connection.attempts() >= 3);
            ConnectionStatus offline = connection.status();
            assertEquals(ConnectionState.OFFLINE, offline.state());
            assertEquals("connection refused by tcp://127.0.0.1:" + deadPort + " (is the broker running?)",
                    offline.detail());
            assertEquals(ConnectionState.OFFLINE, statuses.get(statuses.size() - 1).state());
            assertEquals(1, statuses.stream().filter(s -> s.state() == ConnectionState.OFFLINE).count(),
                    "retries keep one OFFLINE period with its start time");
        }
    }

    @Test
    void anUnacknowledgedMessageIsRedeliveredToThePersistentSessionAndMissedOnesAreKept() throws Exception {
        String clientId = "lineside-session-" + System.nanoTime();
        String topic = "lineside/demo/assembly/line-1/press/speed";
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            List<String> firstLink = new CopyOnWriteArrayList<>();
            try (MqttConnection withholding = persistent(broker, clientId, (t, p, ack) ->
                    firstLink.add(new String(p, StandardCharsets.UTF_8)))) { // never acknowledges
                awaitOnline(withholding);
                publish(broker, topic, "{\"v\":1,\"seq\":1}", 3);
                Eventually.await("3 messages", Duration.ofSeconds(10), () -> firstLink.size() == 3);
            }
            publish(broker, topic, "{\"v\":1,\"seq\":4}", 2); // while no HMI is connected

            List<String> secondLink = new CopyOnWriteArrayList<>();
            try (MqttConnection acking = persistent(broker, clientId, (t, p, ack) -> {
                secondLink.add(new String(p, StandardCharsets.UTF_8));
                ack.run();
            })) {
                Eventually.await("redelivered and queued messages", Duration.ofSeconds(10),
                        () -> secondLink.size() >= 5);
                assertEquals(List.of(1, 2, 3, 4, 5), secondLink.stream()
                        .map(m -> Integer.parseInt(m.replaceAll(".*\"seq\":(\\d+).*", "$1"))).toList());
                assertEquals(0, acking.sessionsLost());
                List<TagGap> reported = new CopyOnWriteArrayList<>();
                acking.onSessionLost(reported::add);

                Instant down = Instant.now();
                broker.kill(); // this broker keeps nothing on disk: our session is gone when it is back
                broker.restart();
                // The counter moves just before the status does: wait for both, or the check races the supervisor.
                Eventually.await("session loss noticed", Duration.ofSeconds(15), () -> acking.sessionsLost() == 1
                        && acking.status().state() == ConnectionState.ONLINE);
                assertTrue(acking.status().detail().startsWith("broker lost our session"), acking.status().detail());
                Eventually.await("every-tag gap reported", Duration.ofSeconds(2), () -> reported.size() == 1);
                TagGap gap = reported.getFirst();
                assertTrue(gap.allTags() && gap.missing() == -1, gap.toString());
                assertTrue(!gap.from().isBefore(down.minusSeconds(1)) && gap.to().isAfter(gap.from())
                        && !gap.to().isAfter(Instant.now()), "outage window " + gap + " vs kill at " + down);
            }
        }
    }

    @Test
    void aBacklogArrivingRightAfterTheConnackIsAcknowledgedOnItsLinkSoItKeepsFlowing() throws Exception {
        String clientId = "lineside-backlog-" + System.nanoTime();
        String topic = "lineside/demo/assembly/line-1/press/speed";
        // One message in flight at a time: a single withheld ack would stall the whole backlog.
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), List.of("max_inflight_messages 1"))) {
            try (MqttConnection first = persistent(broker, clientId, (t, p, ack) -> ack.run())) {
                awaitOnline(first);
                Eventually.await("subscribed", Duration.ofSeconds(5), first::subscribed);
            }
            for (int round = 0; round < 5; round++) { // the race is narrow: reconnect to a backlog a few times
                // Queued for the session while no HMI is connected.
                publish(broker, topic, "{\"v\":1,\"seq\":" + (1 + 20 * round) + "}", 20);
                List<String> got = new CopyOnWriteArrayList<>();
                try (MqttConnection resumed = persistent(broker, clientId, (t, p, ack) -> {
                    got.add(new String(p, StandardCharsets.UTF_8));
                    ack.run();
                })) {
                    Eventually.await("the backlog flows (round " + round + ")", Duration.ofSeconds(10),
                            () -> got.size() >= 20);
                }
            }
        }
    }

    private MqttConnection persistent(Mosquitto broker, String clientId, MqttConnection.MessageHandler handler) {
        MqttConnection connection = new MqttConnection(new MqttConnection.Settings(broker.url(), clientId,
                "lineside/#", null, null, dir.resolve("session")), handler, Clock.systemUTC());
        connection.start();
        return connection;
    }

    private static void awaitOnline(MqttConnection connection) {
        Eventually.await("subscribed", Duration.ofSeconds(10), connection::subscribed);
    }

    private static void publish(Mosquitto broker, String topic, String first, int count) throws Exception {
        MqttClient client = new MqttClient(broker.url(), "pub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1_000); // Paho frees an in-flight slot after waking the waiter: 10 can race
        client.connect(options);
        for (int i = 0; i < count; i++) {
            String payload = first.replaceFirst("\"seq\":(\\d+)", "\"seq\":" + (Long.parseLong(
                    first.replaceAll(".*\"seq\":(\\d+).*", "$1")) + i));
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        client.disconnect();
        client.close();
    }
}
