package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.SignalSpec;
import io.lineside.telemetry.mapping.TopicTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BatchPayloadDecoderTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final MappingRule RULE = new MappingRule(
            TopicTemplate.compile("plant/{site}/{area}/{line}/{station}/telemetry"), PayloadKind.BATCH, Map.of(),
            List.of(new SignalSpec("temperature", FieldPath.parse("values.temperature"), null),
                    new SignalSpec("speed", FieldPath.parse("/values/speed"), null),
                    new SignalSpec("state", FieldPath.parse("state"), null)),
            FieldPath.parse("ts"), FieldPath.parse("meta.seq"), FieldPath.parse("q"), false);

    private final BatchPayloadDecoder decoder = new BatchPayloadDecoder();

    private BatchPayloadDecoder.Batch decode(String json) throws DecodeException {
        return decoder.decode(RULE, json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void oneMessageGivesEverySignalWithSharedTimeSeqAndQuality() throws Exception {
        BatchPayloadDecoder.Batch b = decode("""
                {"ts": 1772438399000, "meta": {"seq": 7, "fw": "1.2"}, "q": "uncertain", "ignored": [1, {"x": 2}],
                 "values": {"speed": 42, "temperature": 81.5, "other": {"deep": true}}, "state": "running"}
                """);
        assertArrayEquals(new Object[] {81.5, 42.0, "running"}, b.values());
        assertArrayEquals(new String[3], b.problems());
        assertEquals(Instant.ofEpochMilli(1772438399000L), b.sourceTime());
        assertEquals(7, b.seq());
        assertEquals(Quality.UNCERTAIN, b.quality());
    }

    @Test
    void missingOrWrongTypedSignalsGetTheirOwnProblemAndTheRestStaysGood() throws Exception {
        BatchPayloadDecoder.Batch b = decode("{\"ts\": \"2026-03-02T07:59:59Z\", \"values\": {\"temperature\": [1, 2]}}");
        assertNull(b.values()[0]);
        assertTrue(b.problems()[0].contains("found an array"), b.problems()[0]);
        assertEquals(BatchPayloadDecoder.MISSING, b.problems()[1]);
        assertEquals(BatchPayloadDecoder.MISSING, b.problems()[2]);
        assertEquals(Instant.parse("2026-03-02T07:59:59Z"), b.sourceTime());
        assertEquals(-1, b.seq());
        assertEquals(Quality.GOOD, b.quality());

        BatchPayloadDecoder.Batch scalarWhereObject = decode("{\"values\": 5, \"state\": null}");
        assertTrue(scalarWhereObject.problems()[0].contains("expected an object at \"values\""));
        assertTrue(scalarWhereObject.problems()[1].contains("expected an object at \"values\""));
        assertTrue(scalarWhereObject.problems()[2].contains("found null"));
        assertEquals(NOW, scalarWhereObject.sourceTime(), "no timestamp: the receive time");
    }

    @Test
    void aRepeatedMemberCannotHideABadValueBehindAnEarlierGoodOne() {
        // Refused as a whole since repeated keys are (issue 25): no guess of which one the publisher meant.
        DecodeException e = assertThrows(DecodeException.class,
                () -> decode("{\"state\": \"running\", \"state\": {\"x\": 1}}"));
        assertTrue(e.getMessage().contains("'state'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[1,2]", "42", "{\"values\": {\"speed\": 1}", "{\"values\": {}} trailing",
        "{\"ts\": 1.5}", "{\"ts\": \"yesterday\"}", "{\"meta\": {\"seq\": \"7\"}}", "{\"q\": \"stale\"}", "{\"q\": 1}",
        "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}}}}}}",
    })
    void malformedDocumentsAndBadSharedFieldsRefuseTheWholeMessageWithAReason(String json) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(json));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void overlongNamesStringsAndNumbersAreCutOffByTheConstraints() {
        String longName = "{\"" + "n".repeat(100) + "\": 1}";
        String longText = "{\"state\": \"" + "x".repeat(JsonPayloadDecoder.MAX_TEXT + 1) + "\"}";
        String longNumber = "{\"values\": {\"speed\": " + "9".repeat(100) + "}}";
        for (String json : List.of(longName, longText, longNumber)) {
            DecodeException e = assertThrows(DecodeException.class, () -> decode(json));
            assertTrue(e.getMessage().startsWith("payload exceeds limits"), e.getMessage());
        }
    }

    @Test
    void nonFiniteNumbersAreAProblemOfThatSignalOnly() throws Exception {
        BatchPayloadDecoder.Batch b = decode("{\"values\": {\"speed\": 1e400, \"temperature\": 20}, \"state\": true}");
        assertTrue(b.problems()[1].startsWith("number out of range"));
        assertEquals(20.0, b.values()[0]);
        assertEquals(1.0, b.values()[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ts\":1772438400000,\"values\":{\"temperature\":20.5,\"temperature\":99.0,\"speed\":1},\"state\":\"run\"}",
            "{\"ts\":1772438400000,\"ts\":1772438500000,\"values\":{\"temperature\":20.5,\"speed\":1},\"state\":\"run\"}",
            "{\"ts\":1772438400000,\"values\":{\"temperature\":20.5,\"speed\":1},\"meta\":{\"seq\":1,\"seq\":2},\"state\":\"run\"}"})
    void aRepeatedKeyRefusesTheWholeBatch(String json) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(json));
        assertTrue(e.getMessage().startsWith("duplicate key"), e.getMessage());
    }
}
