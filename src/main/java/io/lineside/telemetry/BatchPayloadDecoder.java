package io.lineside.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.lineside.tags.Quality;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.SignalSpec;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a batch message (one JSON object carrying many signals of a station) in one streaming pass: only the
 * members on a configured field path are read, everything else is skipped without building a tree. A signal that is
 * missing or of the wrong type gets its own problem text; the other signals are unaffected. Malformed JSON, a
 * document over the {@link JsonPayloadDecoder#limitedFactory() limits} or an unusable shared field (timestamp,
 * seq, quality) is a {@link DecodeException} for the whole message. Thread-confined (one per decoder thread).
 */
public final class BatchPayloadDecoder {

    /** Problem text of a signal the message does not carry. */
    public static final String MISSING = "missing";

    private static final int TIMESTAMP = 0;
    private static final int SEQ = 1;
    private static final int QUALITY = 2;

    /**
     * One decoded message.
     *
     * @param values     per signal (in rule order): a Double or String, or null when it has a problem
     * @param problems   per signal: null when usable, {@link #MISSING}, or why it was refused
     * @param sourceTime the shared timestamp, or the receive time when the rule names none or the message lacks it
     * @param seq        the shared sequence, or -1
     * @param quality    the shared quality, GOOD when none is sent
     */
    public record Batch(Object[] values, String[] problems, Instant sourceTime, long seq, Quality quality) {
    }

    /** A node of the field-path trie: members below it, or the signal / shared field it ends at. */
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        int signal = -1;
        int shared = -1;
        /** Signals at or below this node, marked wrong-typed when a non-object sits where this object should. */
        final java.util.List<Integer> below = new java.util.ArrayList<>();
    }

    private final JsonFactory factory = JsonPayloadDecoder.limitedFactory();
    private final Map<MappingRule, Node> plans = new IdentityHashMap<>();

    /** Decodes {@code payload} of a batch {@code rule} received at {@code receiveTime}. */
    public Batch decode(MappingRule rule, byte[] payload, Instant receiveTime) throws DecodeException {
        Node root = plans.computeIfAbsent(rule, BatchPayloadDecoder::plan);
        int n = rule.signals().size();
        Object[] values = new Object[n];
        String[] problems = new String[n];
        Object[] shared = new Object[3];
        if (payload.length == 0) {
            throw new DecodeException("empty payload");
        }
        try (JsonParser parser = factory.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new DecodeException("expected a batch object, found "
                        + (first == null ? "nothing" : JsonPayloadDecoder.describe(first)));
            }
            walk(parser, root, values, problems, shared);
            if (parser.nextToken() != null) {
                throw new DecodeException("trailing data after the value");
            }
        } catch (StreamConstraintsException e) {
            throw new DecodeException("payload exceeds limits: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DecodeException(JsonPayloadDecoder.malformed(e));
        }
        for (int i = 0; i < n; i++) {
            if (values[i] == null && problems[i] == null) {
                problems[i] = MISSING;
            }
        }
        Instant sourceTime = shared[TIMESTAMP] == null ? receiveTime : (Instant) shared[TIMESTAMP];
        long seq = shared[SEQ] == null ? -1 : (Long) shared[SEQ];
        Quality quality = shared[QUALITY] == null ? Quality.GOOD : (Quality) shared[QUALITY];
        return new Batch(values, problems, sourceTime, seq, quality);
    }

    /** Reads the members of the object the parser has just entered, descending only into planned paths. */
    private void walk(JsonParser parser, Node node, Object[] values, String[] problems, Object[] shared)
            throws IOException, DecodeException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Node child = node.children.get(parser.currentName());
            JsonToken token = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
            } else if (child.signal >= 0) {
                readSignal(parser, token, child.signal, values, problems);
            } else if (child.shared >= 0) {
                shared[child.shared] = readShared(parser, token, child.shared);
            } else if (token == JsonToken.START_OBJECT) {
                walk(parser, child, values, problems, shared);
            } else {
                for (int signal : child.below) {
                    problems[signal] = "expected an object at \"" + parser.currentName() + "\", found "
                            + JsonPayloadDecoder.describe(token);
                }
                parser.skipChildren();
            }
        }
    }

    private static void readSignal(JsonParser parser, JsonToken token, int signal, Object[] values, String[] problems)
            throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                double d = parser.getDoubleValue();
                if (Double.isFinite(d)) {
                    values[signal] = d;
                } else {
                    problems[signal] = "number out of range: " + parser.getText();
                }
            }
            case VALUE_STRING -> values[signal] = parser.getText();
            case VALUE_TRUE -> values[signal] = 1.0;
            case VALUE_FALSE -> values[signal] = 0.0;
            default -> {
                problems[signal] = "expected a number, string or boolean, found " + JsonPayloadDecoder.describe(token);
                parser.skipChildren();
            }
        }
        if (problems[signal] != null) {
            values[signal] = null; // a repeated member must not leave an earlier good value behind a problem
        }
    }

    private static Object readShared(JsonParser parser, JsonToken token, int which) throws IOException, DecodeException {
        return switch (which) {
            case TIMESTAMP -> switch (token) {
                case VALUE_NUMBER_INT -> Instant.ofEpochMilli(parser.getLongValue());
                case VALUE_STRING -> {
                    try {
                        yield Instant.parse(parser.getText());
                    } catch (DateTimeException e) {
                        throw new DecodeException("timestamp must be epoch millis or ISO-8601, found \""
                                + parser.getText() + "\"");
                    }
                }
                default -> throw new DecodeException("timestamp must be epoch millis or ISO-8601, found "
                        + JsonPayloadDecoder.describe(token));
            };
            case SEQ -> {
                if (token != JsonToken.VALUE_NUMBER_INT) {
                    throw new DecodeException("seq must be an integer, found " + JsonPayloadDecoder.describe(token));
                }
                yield parser.getLongValue();
            }
            default -> {
                Quality q = token == JsonToken.VALUE_STRING ? Quality.fromCode(parser.getText()) : null;
                if (q == null || q == Quality.STALE) {
                    throw new DecodeException("quality must be good, uncertain or bad");
                }
                yield q;
            }
        };
    }

    /** Builds the trie of a rule's paths; MappingsLoader has refused paths that overlap. */
    private static Node plan(MappingRule rule) {
        Node root = new Node();
        List<SignalSpec> signals = rule.signals();
        for (int i = 0; i < signals.size(); i++) {
            leaf(root, signals.get(i).path(), i).signal = i;
        }
        FieldPath[] sharedPaths = {rule.timestamp(), rule.seq(), rule.quality()};
        for (int s = 0; s < sharedPaths.length; s++) {
            if (sharedPaths[s] != null) {
                leaf(root, sharedPaths[s], -1).shared = s;
            }
        }
        return root;
    }

    private static Node leaf(Node root, FieldPath path, int signal) {
        Node node = root;
        for (String name : path.names()) {
            node = node.children.computeIfAbsent(name, k -> new Node());
            if (signal >= 0) {
                node.below.add(signal);
            }
        }
        return node;
    }
}
