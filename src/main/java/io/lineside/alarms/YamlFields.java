package io.lineside.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One YAML mapping of an alarm config, with where it is (for error messages) and typed, strict readers: nothing is
 * coerced, a value of the wrong type is an error naming the key, what was expected and what was found.
 *
 * @param where e.g. {@code alarms demo.yaml: alarm 'L1-PRESS-FAULT' (alarms[3])}
 * @param prefix dotted key prefix of this mapping, e.g. {@code guidance.}
 */
record YamlFields(String where, String prefix, JsonNode node) {

    AlarmConfigException error(String key, String expected, JsonNode found) {
        return error(key, expected, describe(found));
    }

    AlarmConfigException error(String key, String expected, String found) {
        return new AlarmConfigException(where + ": key '" + prefix + key + "': expected " + expected + ", found " + found);
    }

    void onlyKeys(Set<String> allowed) throws AlarmConfigException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new AlarmConfigException(where + ": unknown key '" + prefix + clip(key) + "'; expected one of "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    boolean has(String key) {
        JsonNode child = node.get(key);
        return child != null && !child.isNull();
    }

    Optional<YamlFields> object(String key) throws AlarmConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode child = node.get(key);
        if (!child.isObject()) {
            throw error(key, "a mapping", child);
        }
        return Optional.of(new YamlFields(where, prefix + key + ".", child));
    }

    Optional<String> text(String key, int maxLength) throws AlarmConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode child = node.get(key);
        if (!child.isTextual() || child.asText().isBlank() || child.asText().length() > maxLength) {
            throw error(key, "a non-empty string of at most " + maxLength + " characters", child);
        }
        return Optional.of(child.asText().strip());
    }

    String requiredText(String key, int maxLength, String expected) throws AlarmConfigException {
        return text(key, maxLength).orElseThrow(() -> error(key, expected, "nothing"));
    }

    Optional<Double> number(String key) throws AlarmConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode child = node.get(key);
        if (!child.isNumber() || !Double.isFinite(child.asDouble())) {
            throw error(key, "a finite number", child);
        }
        return Optional.of(child.asDouble());
    }

    double requiredNumber(String key) throws AlarmConfigException {
        return number(key).orElseThrow(() -> error(key, "a finite number", "nothing"));
    }

    Optional<Long> integer(String key, long min, long max) throws AlarmConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode child = node.get(key);
        if (!child.isIntegralNumber() || !child.canConvertToLong() || child.asLong() < min || child.asLong() > max) {
            throw error(key, "a whole number from " + min + " to " + max, child);
        }
        return Optional.of(child.asLong());
    }

    Optional<Boolean> bool(String key) throws AlarmConfigException {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode child = node.get(key);
        if (!child.isBoolean()) {
            throw error(key, "true or false", child);
        }
        return Optional.of(child.asBoolean());
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "\"" + clip(n.asText()) + "\"";
        }
        return n.isContainerNode() ? (n.isArray() ? "a list" : "a mapping") : clip(n.toString());
    }

    /** Shortens untrusted text for a message and makes control characters visible. */
    static String clip(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 80 ? out + "..." : out.toString();
    }
}
