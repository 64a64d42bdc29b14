package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.telemetry.MqttPublisher;
import io.lineside.testsupport.Eventually;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo broker really routes MQTT: a Paho subscriber receives every message our publisher sends. */
class EmbeddedBrokerIT {

    private static final int MESSAGES = 3_000;

    /** QoS 1 only: Moquette drops QoS 0 for a subscriber that falls behind (see decision 0001). */
    @ParameterizedTest
    @ValueSource(ints = {1})
    void routesEveryQos1MessageOnLoopbackWithoutFiles(int qos) throws Exception {
        Set<String> before = filesInWorkingDir();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            assertTrue(broker.url().matches("tcp://127\\.0\\.0\\.1:[1-9][0-9]*"), broker.url());
            Set<String> received = ConcurrentHashMap.newKeySet();
            MqttClient subscriber = new MqttClient(broker.url(), "sub-" + System.nanoTime(), new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("lineside/#", qos, (topic, message) ->
                    received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            try (MqttPublisher publisher = new MqttPublisher(broker.url(), "pub-" + System.nanoTime(), qos)
                    .connect(Duration.ofSeconds(5))) {
                for (int i = 0; i < MESSAGES; i++) {
                    publisher.publish("lineside/demo/a/l/s/x", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                    if (i % 20 == 19) {
                        Thread.sleep(10); // ~2k msg/s: twenty times the demo's rate
                    }
                }
                try {
                    Eventually.await("all " + MESSAGES + " messages at QoS " + qos, Duration.ofSeconds(20),
                            () -> received.size() == MESSAGES);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + ": received " + received.size() + ", publish failures "
                            + publisher.failed(), e);
                }
                assertEquals(0, publisher.failed());
            }
            subscriber.disconnect();
            subscriber.close();
        }
        assertEquals(before, filesInWorkingDir(), "the broker wrote nothing next to the program");
    }

    @ParameterizedTest
    @ValueSource(ints = {1})
    void listensOnLoopbackOnly(int ignored) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            int port = Integer.parseInt(broker.url().substring(broker.url().lastIndexOf(':') + 1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
            var external = java.net.NetworkInterface.networkInterfaces()
                    .flatMap(java.net.NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst();
            if (external.isPresent()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(external.get(), port), 1_000);
                    throw new AssertionError("demo broker reachable on " + external.get());
                } catch (java.io.IOException refused) {
                    // expected: bound to 127.0.0.1 only
                }
            }
        }
    }

    private static Set<String> filesInWorkingDir() throws java.io.IOException {
        try (var files = Files.list(Path.of("."))) {
            return Set.copyOf(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
