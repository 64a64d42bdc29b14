package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonPayloadDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final JsonPayloadDecoder decoder = new JsonPayloadDecoder();

    private TagValue decode(String json) throws DecodeException {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void bareNumberIsGoodAndStampedWithReceiveTime() throws DecodeException {
        TagValue v = decode("42.5");
        assertEquals(42.5, v.number());
        assertEquals(Quality.GOOD, v.quality());
        assertEquals(NOW, v.sourceTime());
        assertEquals(NOW, v.receiveTime());
        assertEquals(-1, v.seq());
    }

    @Test
    void objectCarriesSourceTimeQualityAndSequence() throws DecodeException {
        TagValue v = decode("{\"v\":\"running\",\"ts\":1795420800000,\"q\":\"uncertain\",\"seq\":17,\"extra\":{\"a\":[1]}}");
        assertEquals("running", v.value());
        assertEquals(Instant.ofEpochMilli(1795420800000L), v.sourceTime());
        assertEquals(NOW, v.receiveTime());
        assertEquals(Quality.UNCERTAIN, v.quality());
        assertEquals(17, v.seq());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"v\":1", "{\"v\":1}garbage", "\"text\"", "[1,2]", "null", "{\"ts\":1}",
        "{\"v\":null}", "{\"v\":[1]}", "{\"v\":{\"x\":1}}", "NaN", "{\"v\":NaN}", "{\"v\":Infinity}", "1e999",
        "{\"v\":1,\"ts\":\"yesterday\"}", "{\"v\":1,\"q\":\"excellent\"}", "{\"v\":1,\"seq\":1.5}", "{'v':1}"})
    void malformedOrWrongTypesAreRefusedNotCoerced(String payload) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(payload));
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] payload = {'{', '"', 'v', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThrows(DecodeException.class, () -> decoder.decode(payload, NOW));
    }

    @Test
    void hostileNestingIsCutOffQuicklyWithoutStackOverflow() {
        String deep = "{\"v\":" + "[".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            DecodeException e = assertThrows(DecodeException.class, () -> decode(deep));
            assertTrue(e.getMessage().contains("limits") || e.getMessage().contains("must be"), e.getMessage());
        });
    }

    @Test
    void hugeNumbersAndStringsHitTheConstraints() {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            DecodeException number = assertThrows(DecodeException.class, () -> decode("{\"v\":" + "9".repeat(1_000_000) + "}"));
            assertTrue(number.getMessage().contains("limits"), number.getMessage());
            DecodeException text = assertThrows(DecodeException.class,
                    () -> decode("{\"v\":\"" + "x".repeat(5_000_000) + "\"}"));
            assertTrue(text.getMessage().contains("limits"), text.getMessage());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"v\":1,\"v\":2}",
            "{\"v\":1,\"ts\":1795420800000,\"ts\":1795420900000}",
            "{\"v\":1,\"seq\":5,\"seq\":4}",
            "{\"v\":1,\"q\":\"bad\",\"q\":\"good\"}",
            "{\"v\":1,\"extra\":{\"a\":1,\"a\":2}}"})
    void aRepeatedKeyIsRefusedNotResolvedByLastWins(String json) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(json));
        assertTrue(e.getMessage().startsWith("duplicate key"), e.getMessage());
    }

    @Test
    void theSameKeyInSiblingObjectsIsNoDuplicate() throws DecodeException {
        assertEquals(3.0, decode("{\"v\":3,\"extra\":{\"a\":1},\"more\":{\"a\":2}}").number());
    }
}
