package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.MosquittoPub;
import io.lineside.testsupport.Witness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 2, with an outside client: bare numbers (no seq, no time) from {@code mosquitto_pub -l} at QoS 1,
 * at full speed and as a backlog queued while the HMI was down, are each one sample; an independent witness
 * counts what the broker delivered. A clean stop acknowledges what it committed before the link goes, so the
 * broker redelivers nothing that would be stored twice (a payload without a seq has no identity to absorb a copy).
 */
class BareNumbersIT {

    private static final String TOPIC = "lineside/plant/assembly/line1/press/count";
    private static final TagPath TAG = TagPath.parse("plant/assembly/line1/press/count");

    @TempDir
    Path dir;

    @Test
    void everyBareNumberIsOneSampleAtFullSpeedAndAsABacklog() throws Exception {
        String clientId = "bare-" + ProcessHandle.current().pid();
        Path data = dir.resolve("data");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Witness witness = new Witness(broker.url(), TOPIC)) {
            try (Services services = new Services(AppConfig.demo(), broker.url(), clientId, data, Clock.systemUTC())) {
                Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
                publish(broker, 2_000); // as fast as mosquitto_pub goes: many share a millisecond
                Eventually.await("2,000 witnessed", Duration.ofSeconds(30), () -> witness.messages(TOPIC) == 2_000);
                Eventually.await("2,000 stored", Duration.ofSeconds(30), () -> stored(services) == 2_000);
            }
            publish(broker, 100); // the HMI is down: the broker queues them for its persistent session
            Eventually.await("2,100 witnessed", Duration.ofSeconds(30), () -> witness.messages(TOPIC) == 2_100);
            try (Services services = new Services(AppConfig.demo(), broker.url(), clientId, data, Clock.systemUTC())) {
                try {
                    Eventually.await("the backlog stored", Duration.ofSeconds(30), () -> stored(services) == 2_100);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + ": stored " + stored(services) + ", "
                            + services.pipeline().diagnostics().snapshot() + ", lost sessions "
                            + services.connection().sessionsLost(), e);
                }
                Thread.sleep(1_000);
                assertEquals(2_100, stored(services), "each delivered message once, none collapsed, none doubled");
            }
        }
    }

    private static void publish(Mosquitto broker, int n) throws Exception {
        try (MosquittoPub pub = MosquittoPub.start(broker.port(), TOPIC, 1)) {
            for (int i = 0; i < n; i++) {
                pub.send(Integer.toString(i % 10));
            }
        }
    }

    private static long stored(Services services) {
        try {
            return services.query().samples(TAG, Instant.now().minusSeconds(3_600), Instant.now().plusSeconds(60),
                    1_000_000).size();
        } catch (io.lineside.history.HistoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
