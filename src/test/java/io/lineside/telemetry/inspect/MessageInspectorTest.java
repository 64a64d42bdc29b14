package io.lineside.telemetry.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.telemetry.mapping.TopicMappings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageInspectorTest {

    private static final String TOPIC = "lineside/plant1/hall1/line1/st1/temp";
    private final MessageInspector inspector = new MessageInspector(TopicMappings.defaults("lineside"),
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        inspector.close();
    }

    @Test
    void capturesNothingWhileNobodyWatches() throws InterruptedException {
        inspector.seen(TOPIC, 1, false, bytes("{\"v\": 1}"));
        Thread.sleep(200);
        assertEquals(List.of(), inspector.recent());
        assertEquals(0, inspector.version());
    }

    @Test
    void showsTheTagUpdateTheIngestWouldMake() {
        inspector.setWatching(true);
        inspector.seen(TOPIC, 1, true, bytes("{\"v\": 21.5, \"seq\": 7}"));
        InspectedMessage m = awaitCaptured(1).getFirst();
        assertEquals(TOPIC, m.topic());
        assertEquals(1, m.qos());
        assertTrue(m.retained());
        assertEquals("{\"v\": 21.5, \"seq\": 7}".length(), m.size());
        assertEquals("{\"v\": 21.5, \"seq\": 7}", m.headText());
        assertEquals("21.5 (GOOD, seq 7)", m.summary());
        assertTrue(m.detail().startsWith("Tag update:\nplant1/hall1/line1/st1/temp = 21.5 (GOOD, seq 7)\n"), m.detail());
        assertFalse(m.error());
    }

    @Test
    void showsTheDecodeErrorOfABadPayloadAndAnUnknownTopic() {
        inspector.setWatching(true);
        inspector.seen(TOPIC, 0, false, bytes("{\"v\": \"NaN"));
        inspector.seen("elsewhere/x", 0, false, bytes("1"));
        List<InspectedMessage> got = awaitCaptured(2);
        assertTrue(got.get(0).error());
        assertTrue(got.get(0).summary().startsWith("decode error: "), got.get(0).summary());
        assertTrue(got.get(0).detail().contains("tag is marked BAD"));
        assertEquals("unknown topic", got.get(1).summary());
        assertTrue(got.get(1).error());
    }

    @Test
    void decodesSparkplugMetricsWithNameAliasTypeAndValue() {
        inspector.setWatching(true);
        byte[] ndata = Payload.newBuilder().setTimestamp(1_700_000_000_000L).setSeq(12)
                .addMetrics(Metric.newBuilder().setName("Line1/Speed").setAlias(3)
                        .setDatatype(DataType.Double.getNumber()).setDoubleValue(42.5))
                .addMetrics(Metric.newBuilder().setAlias(4).setLongValue(-2))
                .build().toByteArray();
        inspector.seen("spBv1.0/plant1/NDATA/edge1", 0, false, ndata);
        InspectedMessage m = awaitCaptured(1).getFirst();
        assertEquals("NDATA seq 12, 2 metrics", m.summary());
        assertTrue(m.detail().contains("seq 12, timestamp 2023-11-14T22:13:20Z, 2 metrics"), m.detail());
        assertTrue(m.detail().contains("\"Line1/Speed\" [alias 3] Double = 42.5"), m.detail());
        assertTrue(m.detail().contains("[alias 4] (type from birth) = -2"), m.detail());
        assertFalse(m.error());
    }

    @Test
    void showsAHostStateAsItsJson() {
        inspector.setWatching(true);
        inspector.seen("spBv1.0/STATE/scada1", 1, true, bytes("{\"online\":true,\"timestamp\":5}"));
        assertEquals("STATE {\"online\":true,\"timestamp\":5}", awaitCaptured(1).getFirst().summary());
    }

    @Test
    void keepsOnlyTheLastRingOfMessagesAndTheLatestPerTopic() {
        inspector.setWatching(true);
        for (int i = 1; i <= 3 * MessageInspector.RING; i++) {
            inspector.seen("lineside/p/h/l/s" + (i % 3) + "/v", 0, false, bytes("{\"v\": " + i + "}"));
            if (i % 32 == 0 || i == 3 * MessageInspector.RING) {
                // The inspector's own queue is small: pace like a broker would, so this counts the ring, not drops.
                int sent = i;
                Eventually.await("captured", Duration.ofSeconds(5), () -> inspector.version() == sent);
            }
        }
        assertEquals(0, inspector.dropped());
        List<InspectedMessage> ring = inspector.recent();
        assertEquals(MessageInspector.RING, ring.size());
        assertEquals(3L * MessageInspector.RING, ring.getLast().number());
        assertEquals(2L * MessageInspector.RING + 1, ring.getFirst().number());
        List<InspectedMessage> latest = inspector.latestPerTopic();
        assertEquals(3, latest.size());
        assertEquals("lineside/p/h/l/s0/v", latest.getFirst().topic());
        assertEquals(3L * MessageInspector.RING, latest.getFirst().number());
    }

    @Test
    void keepsOnlyTheHeadOfAHostilePayloadAndDoesNotDecodeIt() {
        inspector.setWatching(true);
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) '[');
        inspector.seen(TOPIC, 0, false, huge);
        InspectedMessage m = awaitCaptured(1).getFirst();
        assertEquals(huge.length, m.size());
        assertEquals(MessageInspector.HEAD_BYTES, m.head().length);
        assertTrue(m.truncated());
        assertEquals("not decoded: 1048576 bytes", m.summary());
    }

    @Test
    void capturesOnlyTopicsTheFilterSelects() {
        inspector.setWatching(true);
        inspector.setFilter(new TopicFilter("lineside/+/+/+/st2/#"));
        inspector.seen(TOPIC, 0, false, bytes("1"));
        inspector.seen("lineside/plant1/hall1/line1/st2/temp", 0, false, bytes("2"));
        assertEquals("lineside/plant1/hall1/line1/st2/temp", awaitCaptured(1).getFirst().topic());
        inspector.clear();
        assertEquals(List.of(), inspector.recent());
    }

    @Test
    void controlBytesShowAsDotsAndHexIsSixteenToALine() {
        byte[] head = new byte[20];
        head[0] = 'A';
        head[1] = 0x01;
        InspectedMessage m = new InspectedMessage(1, Instant.EPOCH, "t", 0, false, 20, head, "", "", false);
        assertTrue(m.headText().startsWith("A·"));
        assertEquals(2, m.headHex().lines().count());
        assertTrue(m.headHex().startsWith("41 01 00"));
    }

    private List<InspectedMessage> awaitCaptured(int n) {
        Eventually.await(n + " captured", Duration.ofSeconds(5), () -> inspector.recent().size() >= n);
        return inspector.recent();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
