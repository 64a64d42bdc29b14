package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagUpdate;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4 against a real Mosquitto, published by an outside client (mosquitto_pub): one QoS 1 message per
 * character class on a topic, interleaved with good ones, through a persistent session. Every good message arrives,
 * the unreadable ones are counted, the link never drops, and after a restart nothing is redelivered.
 */
class PoisonTopicIT {

    private static final String GOOD = "lineside/demo/assembly/line-1/press/speed";
    /** Topic bytes as bash $'...' escapes (ASCII command line, whatever the locale), by character class. */
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("4-byte emoji U+1F4A5", "lineside/demo/\\xf0\\x9f\\x92\\xa5/temp");
        CLASSES.put("4-byte CJK Ext. B U+20000", "lineside/\\xf0\\xa0\\x80\\x80");
        CLASSES.put("3-byte CJK U+4E2D", "lineside/demo/\\xe4\\xb8\\xad/temp");
        CLASSES.put("3-byte fullwidth U+FF08", "lineside/demo/\\xef\\xbc\\x88/temp");
        CLASSES.put("3-byte U+FEFF", "lineside/\\xef\\xbb\\xbf");
        CLASSES.put("3-byte noncharacter U+FFFF", "lineside/\\xef\\xbf\\xbf");
        CLASSES.put("3-byte noncharacter U+FDD0", "lineside/\\xef\\xb7\\x90");
        CLASSES.put("2-byte Latin-1 U+00E9", "lineside/demo/\\xc3\\xa9/temp");
        CLASSES.put("2-byte C1 control U+0085", "lineside/\\xc2\\x85");
        CLASSES.put("control U+0007", "lineside/\\x07");
        CLASSES.put("control U+007F", "lineside/\\x7f");
    }

    @TempDir
    Path dir;

    private static boolean mosquittoPub(Mosquitto broker, String topicEscapes, String payload) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "mosquitto_pub -h 127.0.0.1 -p " + broker.port()
                + " -q 1 -t $'" + topicEscapes + "' -m '" + payload + "'").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        if (p.exitValue() != 0) {
            System.out.println("mosquitto_pub refused " + topicEscapes + ": " + out.strip());
        }
        return p.exitValue() == 0;
    }

    private static MqttConnection connect(Mosquitto broker, Path session, IngestPipeline pipeline) {
        MqttConnection connection = new MqttConnection(new MqttConnection.Settings(broker.url(), "lineside-poison",
                "lineside/#", null, null, session), pipeline::put, Clock.systemUTC());
        connection.start();
        Eventually.await("subscribed", Duration.ofSeconds(10), connection::subscribed);
        return connection;
    }

    @Test
    void aTopicPerCharacterClassNeverTakesTheLinkDownAndIsNotRedeliveredAfterARestart() throws Exception {
        List<TagUpdate> updates = new CopyOnWriteArrayList<>();
        Path session = dir.resolve("session");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            List<String> delivered = new ArrayList<>();
            long unreadable;
            IngestDiagnostics.Snapshot seen;
            try (IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), updates::add,
                    Clock.systemUTC(), 256 * 1024, 10_000);
                 MqttConnection connection = connect(broker, session, pipeline)) {
                int seq = 0;
                assertTrue(mosquittoPub(broker, GOOD, "{\"v\":1,\"seq\":" + ++seq + "}"));
                for (Map.Entry<String, String> c : CLASSES.entrySet()) {
                    if (mosquittoPub(broker, c.getValue(), "{\"v\":2}")) {
                        delivered.add(c.getKey());
                    }
                    assertTrue(mosquittoPub(broker, GOOD, "{\"v\":1,\"seq\":" + ++seq + "}"));
                }
                int goods = seq;
                Eventually.await(goods + " good messages", Duration.ofSeconds(15), () -> updates.size() >= goods);
                Eventually.await("every poison message handled", Duration.ofSeconds(5),
                        () -> pipeline.diagnostics().snapshot().unknownMessages() >= delivered.size());
                assertEquals(goods, updates.size());
                assertEquals(1, connection.attempts(), "the link never dropped");
                assertEquals(0, connection.status().reconnects());
                assertEquals(ConnectionState.ONLINE, connection.status().state());
                unreadable = connection.unreadableTopics();
                seen = pipeline.diagnostics().snapshot();
                System.out.println("classes the broker delivered: " + delivered + "; unreadable for Paho: " + unreadable
                        + "; unknown topics " + pipeline.diagnostics().unknownTopics().keySet());
            }
            // Paho 1.2.5 refuses every delivered class except 3-byte CJK and 2-byte Latin-1 (both just unknown).
            long readable = delivered.stream().filter(c -> c.startsWith("3-byte CJK") || c.startsWith("2-byte Latin")).count();
            assertTrue(delivered.contains("4-byte emoji U+1F4A5"), "Mosquitto delivers the emoji topic");
            assertEquals(delivered.size() - readable, unreadable);
            assertEquals(unreadable, seen.unreadableTopics());
            assertEquals(delivered.size(), seen.unknownMessages());

            // Restart with the same persistent session: every message was acknowledged, so nothing comes back.
            updates.clear();
            try (IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), updates::add,
                    Clock.systemUTC(), 256 * 1024, 10_000);
                 MqttConnection again = connect(broker, session, pipeline)) {
                assertTrue(mosquittoPub(broker, GOOD, "{\"v\":1,\"seq\":100}"));
                Eventually.await("the next good message", Duration.ofSeconds(10), () -> updates.size() >= 1);
                Thread.sleep(1_000);
                assertEquals(1, updates.size(), "no good message redelivered");
                assertEquals(0, again.unreadableTopics(), "no poison message redelivered");
                assertEquals(0, pipeline.diagnostics().snapshot().unknownMessages());
                assertEquals(1, again.attempts());
            }
        }
    }
}
