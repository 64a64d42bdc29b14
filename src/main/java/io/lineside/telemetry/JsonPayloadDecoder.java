package io.lineside.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.io.IOException;
import java.time.Instant;

/**
 * Decodes one tag's payload: a bare number ({@code 42.5}) or an object
 * {@code {"v": number|string, "ts": epoch-millis, "q": "good", "seq": n}}.
 *
 * <p>Never coerces: a wrong type, a non-finite number or malformed JSON is a {@link DecodeException}
 * and the caller marks the tag BAD. Hostile input is cut off by {@link StreamReadConstraints} before it
 * costs memory or stack. Thread-confined (one instance per decoder thread).
 */
public final class JsonPayloadDecoder {

    /** Longest text value kept; longer strings are refused, not truncated. */
    static final int MAX_TEXT = 1_000;

    /**
     * The parser limits every JSON decoder here uses: hostile input is refused before it costs memory or stack, and
     * a repeated key in one object is refused (which of {@code {"v":1,"v":2}} the publisher meant is unknowable;
     * "last wins" would store a guess as GOOD).
     */
    static JsonFactory limitedFactory() {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxNumberLength(64)
                        .maxStringLength(MAX_TEXT)
                        .maxNameLength(64)
                        .maxDocumentLength(256 * 1024)
                        .build())
                .build();
    }

    private final JsonFactory factory = limitedFactory();

    /** Decodes {@code payload} received at {@code receiveTime}. */
    public TagValue decode(byte[] payload, Instant receiveTime) throws DecodeException {
        return decode(payload, receiveTime, true);
    }

    /** Decodes {@code payload}; with {@code allowObject} false only a bare number is accepted (mapping kind number). */
    public TagValue decode(byte[] payload, Instant receiveTime, boolean allowObject) throws DecodeException {
        if (payload.length == 0) {
            throw new DecodeException("empty payload");
        }
        try (JsonParser parser = factory.createParser(payload)) {
            JsonToken first = parser.nextToken();
            TagValue value = switch (first) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                        new TagValue(finite(parser), receiveTime, receiveTime, Quality.GOOD, -1);
                case START_OBJECT -> {
                    if (!allowObject) {
                        throw new DecodeException("expected a number, found an object");
                    }
                    yield decodeObject(parser, receiveTime);
                }
                case null -> throw new DecodeException("empty payload");
                default -> throw new DecodeException("expected a number or an object, found " + describe(first));
            };
            if (parser.nextToken() != null) {
                throw new DecodeException("trailing data after the value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new DecodeException("payload exceeds limits: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DecodeException(malformed(e));
        }
    }

    /** The reason of a parser failure for the diagnostics; a repeated key is named as such. */
    static String malformed(IOException e) {
        String message = firstLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() : e.getMessage());
        return message.startsWith("Duplicate field") ? "duplicate key: " + message : "malformed JSON: " + message;
    }

    private TagValue decodeObject(JsonParser parser, Instant receiveTime) throws IOException, DecodeException {
        Object value = null;
        Instant sourceTime = receiveTime;
        Quality quality = Quality.GOOD;
        long seq = -1;
        boolean hasValue = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "v" -> {
                    value = scalar(parser, token);
                    hasValue = true;
                }
                case "ts" -> sourceTime = Instant.ofEpochMilli(integer(parser, token, "ts"));
                case "q" -> quality = quality(parser, token);
                case "seq" -> seq = integer(parser, token, "seq");
                default -> parser.skipChildren();
            }
        }
        if (!hasValue) {
            throw new DecodeException("object has no \"v\" field");
        }
        if (quality == Quality.STALE) {
            throw new DecodeException("publishers may not claim STALE quality");
        }
        return new TagValue(value, sourceTime, receiveTime, quality, seq);
    }

    private static Object scalar(JsonParser parser, JsonToken token) throws IOException, DecodeException {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> finite(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> 1.0;
            case VALUE_FALSE -> 0.0;
            default -> throw new DecodeException("\"v\" must be a number or a string, found " + describe(token));
        };
    }

    static double finite(JsonParser parser) throws IOException, DecodeException {
        double d = parser.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new DecodeException("number out of range: " + parser.getText());
        }
        return d;
    }

    private static long integer(JsonParser parser, JsonToken token, String field) throws IOException, DecodeException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new DecodeException("\"" + field + "\" must be an integer, found " + describe(token));
        }
        return parser.getLongValue();
    }

    private static Quality quality(JsonParser parser, JsonToken token) throws IOException, DecodeException {
        Quality q = token == JsonToken.VALUE_STRING ? Quality.fromCode(parser.getText()) : null;
        if (q == null) {
            throw new DecodeException("\"q\" must be good, uncertain or bad");
        }
        return q;
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
