package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.RecorderProcess;
import io.lineside.testsupport.ReferencePublisher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md scenario 19 with ack-after-commit: the HMI is killed with SIGKILL in the middle of a QoS 1
 * stream, and every message the broker accepted ends up in history exactly once after the restart.
 */
class AckAfterCommitIT {

    private static final String TOPIC = "lineside/plant/assembly/line1/press/temperature";
    private static final String TAG = "plant/assembly/line1/press/temperature";
    private static final int STREAM = 3_000;
    private static final int KILL_AT = 1_500;

    @TempDir
    Path dir;

    @Test
    void everyAcceptedQos1MessageIsInHistoryExactlyOnceAfterAKill9() throws Exception {
        Path data = dir.resolve("data");
        String clientId = "lineside-crash-" + ProcessHandle.current().pid();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            RecorderProcess first = RecorderProcess.start(broker.url(), clientId, data, TAG);
            int published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (first.seq() == 0 && System.nanoTime() < deadline) { // until the child's session is subscribed
                publisher.publish(TOPIC, 20.0 + published);
                published++;
                Thread.sleep(20);
            }
            long firstSeen = first.seq(); // earlier messages found no session yet: nobody had accepted them
            int total = published + STREAM;
            long killedWithWritten = -1;
            while (published < total) {
                publisher.publish(TOPIC, 20.0 + published % 50);
                published++;
                if (published % 10 == 0) {
                    Thread.sleep(5); // ~1,500 messages/s
                }
                if (published == total - STREAM + KILL_AT) {
                    killedWithWritten = first.written();
                    first.kill();
                }
            }
            try (RecorderProcess second = RecorderProcess.start(broker.url(), clientId, data, TAG)) {
                int expected = total;
                Eventually.await("the restarted recorder reaches seq " + expected, Duration.ofSeconds(60),
                        () -> second.seq() == expected);
            }
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/history")
                    + ";FILE_LOCK=FILE;ACCESS_MODE_DATA=r", "sa", "");
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM sample")) {
                rs.next();
                String context = "killed with " + killedWithWritten + " samples committed";
                assertEquals(total, rs.getLong(4), context);
                assertTrue(rs.getLong(3) <= firstSeen, context + "; first seen " + firstSeen);
                long accepted = total - rs.getLong(3) + 1;
                assertEquals(accepted, rs.getLong(2), context + ": every accepted message is in history");
                assertEquals(accepted, rs.getLong(1), context + ": and only once");
            }
        }
    }
}
