package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands fail fast: refused while offline or closed, never buffered for a later link. */
class MqttConnectionPublishTest {

    @TempDir
    Path dir;

    @Test
    void publishIsRefusedUntilOnlineAndAfterClose() {
        try (Mosquitto broker = Mosquitto.start(dir)) {
            MqttConnection connection = new MqttConnection(new MqttConnection.Settings(broker.url(),
                    "publish-test-" + System.nanoTime(), "x/#", null, null), (t, p, a) -> { }, Clock.systemUTC());
            assertFalse(connection.publish("spBv1.0/g/NCMD/e", new byte[] {1}, 0), "not started");
            connection.start();
            Eventually.await("online", Duration.ofSeconds(10),
                    () -> connection.status().state() == ConnectionState.ONLINE);
            assertTrue(connection.publish("spBv1.0/g/NCMD/e", new byte[] {1}, 0));
            connection.close();
            assertFalse(connection.publish("spBv1.0/g/NCMD/e", new byte[] {1}, 0), "closed");
        }
    }
}
