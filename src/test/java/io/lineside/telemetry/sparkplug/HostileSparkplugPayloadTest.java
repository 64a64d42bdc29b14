package io.lineside.telemetry.sparkplug;

import static io.lineside.telemetry.sparkplug.EngineFixture.DDATA;
import static io.lineside.telemetry.sparkplug.EngineFixture.DEVICE_SPEED;
import static io.lineside.telemetry.sparkplug.EngineFixture.DEVICE_STATE;
import static io.lineside.telemetry.sparkplug.EngineFixture.NBIRTH;
import static io.lineside.telemetry.sparkplug.EngineFixture.NDATA;
import static io.lineside.telemetry.sparkplug.EngineFixture.NODE_PRESSURE;
import static io.lineside.telemetry.sparkplug.Payloads.byAlias;
import static io.lineside.telemetry.sparkplug.Payloads.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.DataSet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Template;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY.md scenario 15 (and the name rules of 14): each hostile payload is refused with a precise reason,
 * counted, turns the affected node's tags BAD, throws nothing, takes under 50 ms, and leaves the host working.
 */
class HostileSparkplugPayloadTest {

    private static final long FAST_NANOS = 50_000_000L;

    private final EngineFixture f = new EngineFixture();
    private final PayloadReader reader = new PayloadReader(SparkplugLimits.DEFAULT);
    private int nextSeq = 2; // refused payloads consume no seq

    /** Loads protobuf's and the host's error-path classes once, so the 50 ms budget measures handling, not loading. */
    @BeforeAll
    static void warmUp() {
        EngineFixture warm = new EngineFixture();
        warm.birthNodeAndDevice(1);
        for (byte[] bad : List.of(new byte[] {0x7B, 0x22}, new byte[] {0x12, 0x7F}, new byte[] {0x10, 0x05})) {
            warm.send(NDATA, bad);
        }
    }

    @BeforeEach
    void bornNode() {
        f.birthNodeAndDevice(7);
    }

    /** Sends the payload on NDATA, timed, and checks it was refused, counted and made the node BAD. */
    private void assertRefusedOnNode(byte[] payload, String reasonFragment) {
        long before = f.counts().parseErrors() + f.counts().oversize();
        long start = System.nanoTime();
        f.send(NDATA, payload);
        long took = System.nanoTime() - start;

        assertTrue(took < FAST_NANOS, "took " + took / 1_000_000 + " ms");
        assertEquals(before + 1, f.counts().parseErrors() + f.counts().oversize(), "counted");
        if (reasonFragment != null) {
            assertTrue(f.counts().lastBad().reason().contains(reasonFragment), f.counts().lastBad().reason());
        }
        for (TagPath path : List.of(NODE_PRESSURE, DEVICE_SPEED, DEVICE_STATE)) {
            assertEquals(Quality.BAD, f.value(path).quality(), path + " is BAD, not last-good");
        }
        assertEquals(0, f.counts().callbackErrors(), "nothing escaped as an unexpected exception");
        f.send(NDATA, message(nextSeq++, byAlias(1, 42.0)));
        assertEquals(42.0, f.value(NODE_PRESSURE).number(), "the host still works");
    }

    @Test
    void truncatedPayloadIsRefused() {
        byte[] good = message(2, byAlias(1, 1.0), byAlias(1, 2.0));
        byte[] truncated = Arrays.copyOf(good, good.length - 3);

        assertInstanceOf(InvalidProtocolBufferException.class,
                assertThrows(SparkplugDecodeException.class, () -> reader.read(truncated)).getCause());
        assertRefusedOnNode(truncated, "malformed protobuf");
    }

    @Test
    void payloadOfAnotherSchemaIsRefused() {
        // JSON where protobuf belongs: '{' is field 15 with the invalid wire type 3 then garbage.
        byte[] json = "{\"metrics\":[{\"name\":\"x\",\"value\":1}]}".getBytes(StandardCharsets.UTF_8);
        assertRefusedOnNode(json, "malformed protobuf");
        // Well-formed protobuf with the wrong wire type for metrics (a varint where a message belongs) and no seq.
        assertRefusedOnNode(new byte[] {0x10, 0x05}, null);
    }

    @Test
    void deeplyNestedGroupsStopAtTheRecursionLimit() {
        // CVE-2024-7254: unknown field 100 as start-group, nested 100 000 deep (200 KB, under the size cap).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            out.write(0xA3); // tag (100 << 3) | 3, varint
            out.write(0x06);
        }
        byte[] nested = out.toByteArray();

        assertInstanceOf(InvalidProtocolBufferException.class,
                assertThrows(SparkplugDecodeException.class, () -> reader.read(nested)).getCause());
        assertRefusedOnNode(nested, "too many levels of nesting");
    }

    @Test
    void twoGigabyteLengthPrefixFailsWithoutAllocating() {
        // Field 2 (metrics), length-delimited, length 2^31 - 1, then 10 bytes.
        byte[] hostile = {0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        assertRefusedOnNode(hostile, "malformed protobuf");
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(heapAfter - heapBefore < 64L * 1024 * 1024, "no 2 GB buffer was allocated");
    }

    @Test
    void millionRowDataSetIsRefusedByTheSizeCapBeforeParsing() {
        DataSet.Builder rows = DataSet.newBuilder().setNumOfColumns(0);
        for (int i = 0; i < 1_000_000; i++) {
            rows.addRows(DataSet.Row.getDefaultInstance());
        }
        byte[] big = message(2, Metric.newBuilder().setName("batch").setAlias(9)
                .setDatatype(DataType.DataSet.getNumber()).setDatasetValue(rows));
        assertTrue(big.length > SparkplugLimits.DEFAULT.maxPayloadBytes());

        assertRefusedOnNode(big, null);
        assertEquals(1, f.counts().oversize());
    }

    @Test
    void dataSetOverTheRowCapIsRefusedEvenUnderTheSizeCap() {
        DataSet.Builder rows = DataSet.newBuilder().setNumOfColumns(0);
        for (int i = 0; i < 50_000; i++) {
            rows.addRows(DataSet.Row.getDefaultInstance());
        }
        byte[] payload = message(2, Metric.newBuilder().setName("batch").setAlias(9)
                .setDatatype(DataType.DataSet.getNumber()).setDatasetValue(rows));
        assertTrue(payload.length < SparkplugLimits.DEFAULT.maxPayloadBytes());

        assertRefusedOnNode(payload, "more than 10000 rows");
    }

    @Test
    void tooManyMetricsAreRefused() {
        Payload.Builder p = Payloads.payload(2);
        for (int i = 0; i < 10_001; i++) {
            p.addMetrics(Metric.newBuilder().setAlias(1));
        }
        assertRefusedOnNode(p.build().toByteArray(), "more than 10000 metrics");
    }

    @Test
    void templatesNestedBeyondTheDepthLimitAreRefused() {
        Template.Builder template = Template.newBuilder();
        for (int i = 0; i < 40; i++) {
            template = Template.newBuilder().addMetrics(Metric.newBuilder().setName("t").setTemplateValue(template));
        }
        byte[] payload = message(2, Metric.newBuilder().setName("deep").setTemplateValue(template));
        assertRefusedOnNode(payload, "templates nested deeper than 32");
    }

    @Test
    void sixtyFourKilobyteNamesAndStringsAreRefused() {
        String huge = "n".repeat(64 * 1024);
        assertRefusedOnNode(message(2, Payloads.doubleMetric(huge, 1, 1.0)), "metric name of 65536 characters");
        assertRefusedOnNode(message(3, Payloads.stringMetric("s", 3, huge)), "string value of metric");
    }

    @Test
    void oversizeMessageFromTheCallbackMarksTheNodeBad() {
        f.engine.oversize(NDATA, f.now);

        assertEquals(1, f.counts().oversize());
        assertEquals(Quality.BAD, f.value(NODE_PRESSURE).quality());
    }

    @Test
    void badDevicePayloadMarksOnlyThatDeviceBad() {
        f.send(DDATA, new byte[] {0x12, 0x7F});

        assertEquals(Quality.BAD, f.value(DEVICE_SPEED).quality());
        assertEquals(Quality.GOOD, f.value(NODE_PRESSURE).quality());
    }

    @Test
    void injectionStringsInNamesAreCountedUnknownAndNeverBecomeTags() {
        List<String> hostile = List.of("'; DROP TABLE sample;--", "a/\"b\"", "line/+", "line/#", "x/\u0000", "x/\u202Eevil",
                "x/<b>bold</b>", "CREATE ALIAS/x");
        Payload.Builder birth = Payloads.payload(0).addMetrics(Payloads.bdSeq(9));
        for (int i = 0; i < hostile.size(); i++) {
            birth.addMetrics(Payloads.doubleMetric(hostile.get(i), 100 + i, i));
        }
        int tagsBefore = f.store.paths().size();
        f.send(NBIRTH, birth.build().toByteArray());

        assertEquals(tagsBefore, f.store.paths().size(), "no tag was made from a hostile name");
        assertEquals(hostile.size(), f.counts().unknownTopics());
        assertTrue(f.diagnostics.unknownTopics().keySet().stream().anyMatch(k -> k.contains("DROP TABLE")),
                "kept verbatim as data for the engineer");
    }

    @Test
    void unknownTopicsAndNodesStayBounded() {
        for (int i = 0; i < 20_000; i++) {
            f.send("spBv1.0/plant1/NOPE/x" + i, new byte[0]);
        }
        assertEquals(20_000, f.counts().unknownMessages());
        assertTrue(f.counts().unknownTopics() <= 1_000);

        EngineFixture small = new EngineFixture(new SparkplugSettings(List.of("plant1"), "h", false, TagMapping.DEFAULT,
                SparkplugLimits.DEFAULT, SparkplugSettings.DEFAULT_REORDER_TIMEOUT,
                SparkplugSettings.DEFAULT_REBIRTH_DEBOUNCE, 10));
        for (int i = 0; i < 50; i++) {
            small.send("spBv1.0/plant1/NBIRTH/edge" + i, Payloads.nbirth(1, Payloads.doubleMetric("a/b", 1, i)));
        }
        assertEquals(10, small.engine.nodeCount());
        assertEquals(40, small.counts().unknownMessages());
    }
}
