package io.lineside.config;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One value of a configuration file with its key path ({@code mappings[0].signals[2].unit}) and the line it is on,
 * so every check after parsing can still say {@code file:line: key 'x': expected ..., found ...}. A key that is not
 * in the file reads as an absent node (located at its parent), so readers need no null checks. Nothing is coerced:
 * {@code "5"} is text, not a number. Immutable; safe from any thread.
 */
public final class ConfigNode {

    private final ConfigSource source;
    private final String key;
    private final String context; // a named part of the file messages name first, e.g. alarm 'X' (alarms[3])
    private final int contextKeyLength; // how much of key the context stands for
    private final JsonToken token; // null: absent
    private final String text;
    private final Map<String, ConfigNode> fields;
    private final List<ConfigNode> items;
    private final int line;

    ConfigNode(ConfigSource source, String key, JsonToken token, String text, Map<String, ConfigNode> fields,
               List<ConfigNode> items, int line) {
        this(source, key, "", 0, token, text, fields, items, line);
    }

    private ConfigNode(ConfigSource source, String key, String context, int contextKeyLength, JsonToken token,
                       String text, Map<String, ConfigNode> fields, List<ConfigNode> items, int line) {
        this.source = source;
        this.key = key;
        this.context = context;
        this.contextKeyLength = contextKeyLength;
        this.token = token;
        this.text = text;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.items = List.copyOf(items);
        this.line = line;
    }

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    public ConfigSource source() {
        return source;
    }

    /** The dotted key path, empty for the file's top level. */
    public String key() {
        return key;
    }

    /** The 1-based line of the key (of the parent for an absent key). */
    public int line() {
        return line;
    }

    // --- what it is ---

    /** True when the key is not in the file. */
    public boolean isAbsent() {
        return token == null;
    }

    /** True when the key is absent or written with no value ({@code key:} or {@code key: null}). */
    public boolean isEmpty() {
        return token == null || token == JsonToken.VALUE_NULL;
    }

    public boolean isMapping() {
        return token == JsonToken.START_OBJECT;
    }

    public boolean isList() {
        return token == JsonToken.START_ARRAY;
    }

    public boolean isText() {
        return token == JsonToken.VALUE_STRING;
    }

    public boolean isNumber() {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** A number written without a fraction or exponent. */
    public boolean isWholeNumber() {
        return token == JsonToken.VALUE_NUMBER_INT;
    }

    public boolean isBoolean() {
        return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    // --- its value ---

    /** A scalar's text as written (for numbers and booleans too); empty for containers and absent keys. */
    public String text() {
        return text;
    }

    public double doubleValue() {
        return isNumber() ? Double.parseDouble(text) : Double.NaN;
    }

    /** The whole number, or {@link Long#MIN_VALUE} when it is not one that fits a long. */
    public long longValue() {
        if (!isWholeNumber()) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    public boolean booleanValue() {
        return token == JsonToken.VALUE_TRUE;
    }

    /** The value of {@code name} in this mapping; an absent node when there is none (or this is no mapping). */
    public ConfigNode get(String name) {
        ConfigNode n = fields.get(name);
        return n != null ? n : new ConfigNode(source, child(key, name), context, contextKeyLength, null, "", Map.of(),
                List.of(), line);
    }

    /**
     * This value with its messages led by {@code context} and its keys shown relative to it, e.g. an alarm's
     * mapping as {@code alarm 'X' (alarms[3])}: {@code ...: alarm 'X' (alarms[3]): key 'priority': ...}.
     */
    public ConfigNode within(String context) {
        return rebase(context, key.length());
    }

    private ConfigNode rebase(String newContext, int length) {
        Map<String, ConfigNode> f = new LinkedHashMap<>();
        fields.forEach((k, v) -> f.put(k, v.rebase(newContext, length)));
        List<ConfigNode> i = new ArrayList<>();
        items.forEach(v -> i.add(v.rebase(newContext, length)));
        return new ConfigNode(source, key, newContext, length, token, text, f, i, line);
    }

    /** The key as messages show it: relative to the context, if there is one. */
    private String shownKey() {
        String shown = key.substring(Math.min(contextKeyLength, key.length()));
        return shown.startsWith(".") ? shown.substring(1) : shown;
    }

    /** True when this mapping has the key (even with no value). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A mapping's keys in file order. */
    public Set<String> keys() {
        return fields.keySet();
    }

    /** A mapping's entries in file order. */
    public Map<String, ConfigNode> fields() {
        return fields;
    }

    /** A list's items; empty otherwise. */
    public List<ConfigNode> items() {
        return items;
    }

    /** Items of a list, keys of a mapping, 0 otherwise. */
    public int size() {
        return isList() ? items.size() : fields.size();
    }

    /** What this value is, for "found ..." in messages; untrusted text is shortened and made printable. */
    public String describe() {
        if (token == null || token == JsonToken.VALUE_NULL) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + clip(text) + "\"";
            default -> clip(text);
        };
    }

    // --- problems, all in one format ---

    /** {@code file:line: key 'k': expected <expected>, found <this value>}. */
    public ConfigException error(String expected) {
        return error(expected, describe());
    }

    /** {@code file:line: key 'k': expected <expected>, found <found>}. */
    public ConfigException error(String expected, String found) {
        return problem("expected " + expected + ", found " + found);
    }

    /** {@code file:line: key 'k': <problem>}. */
    public ConfigException problem(String problem) {
        return new ConfigException(source.kind(), source.name(), line, context, shownKey(), key, problem);
    }

    /**
     * Refuses keys outside {@code allowed} with "unknown key 'k'; expected one of ..." and, where one allowed key
     * is a typo away, "did you mean ...".
     *
     * @return this node, to chain
     */
    public ConfigNode onlyKeys(Set<String> allowed) throws ConfigException {
        for (Map.Entry<String, ConfigNode> e : fields.entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                ConfigNode child = e.getValue();
                String expected = "expected one of " + String.join(", ", new TreeSet<>(allowed))
                        + DidYouMean.suggest(name, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
                String shown = child.shownKey();
                String clipped = shown.substring(0, shown.length() - name.length()) + clip(name);
                throw ConfigException.unknownKey(source.kind(), source.name(), child.line, context, clipped,
                        child.key, expected);
            }
        }
        return this;
    }

    /** This value, which must be a mapping of the {@code allowed} keys. */
    public ConfigNode mapping(Set<String> allowed) throws ConfigException {
        if (!isMapping()) {
            throw error("a mapping with " + String.join(", ", new TreeSet<>(allowed)));
        }
        return onlyKeys(allowed);
    }

    // --- typed readers (absent or empty values are Optional.empty()) ---

    /** A non-empty string, stripped; empty when absent. */
    public Optional<String> optionalText() throws ConfigException {
        if (isEmpty()) {
            return Optional.empty();
        }
        if (!isText() || text.isBlank()) {
            throw error("a non-empty string");
        }
        return Optional.of(text.strip());
    }

    /** A non-empty string of at most {@code maxLength} characters, stripped; empty when absent. */
    public Optional<String> optionalText(int maxLength) throws ConfigException {
        if (isEmpty()) {
            return Optional.empty();
        }
        if (!isText() || text.isBlank() || text.length() > maxLength) {
            throw error("a non-empty string of at most " + maxLength + " characters");
        }
        return Optional.of(text.strip());
    }

    /** A finite number; empty when absent. */
    public Optional<Double> optionalNumber() throws ConfigException {
        if (isEmpty()) {
            return Optional.empty();
        }
        if (!isNumber() || !Double.isFinite(doubleValue())) {
            throw error("a finite number");
        }
        return Optional.of(doubleValue());
    }

    /** A whole number from min to max; empty when absent. */
    public Optional<Long> optionalLong(long min, long max) throws ConfigException {
        if (isEmpty()) {
            return Optional.empty();
        }
        long v = longValue();
        if (!isWholeNumber() || v == Long.MIN_VALUE || v < min || v > max) {
            throw error("a whole number from " + min + " to " + max);
        }
        return Optional.of(v);
    }

    /** A non-empty string, stripped; an error naming {@code expected} when absent. */
    public String requiredText(String expected) throws ConfigException {
        if (isEmpty()) {
            throw error(expected);
        }
        return optionalText().orElseThrow();
    }

    /** A whole number from min to max; empty when absent. */
    public Optional<Integer> optionalInt(int min, int max) throws ConfigException {
        return optionalInt(min, max, "a whole number from " + min + " to " + max);
    }

    /** A whole number from min to max; empty when absent; {@code expected} names it in the error. */
    public Optional<Integer> optionalInt(int min, int max, String expected) throws ConfigException {
        if (isEmpty()) {
            return Optional.empty();
        }
        long v = longValue();
        if (!isWholeNumber() || v < min || v > max) {
            throw error(expected);
        }
        return Optional.of((int) v);
    }

    /** {@code true} or {@code false}; {@code fallback} when absent. */
    public boolean bool(boolean fallback) throws ConfigException {
        if (isEmpty()) {
            return fallback;
        }
        if (!isBoolean()) {
            throw error("true or false");
        }
        return booleanValue();
    }

    /** A list of non-empty strings; empty when absent. */
    public List<String> texts() throws ConfigException {
        if (isEmpty()) {
            return List.of();
        }
        if (!isList()) {
            throw error("a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (ConfigNode item : items) {
            if (!item.isText() || item.text.isBlank()) {
                throw item.error("a non-empty string");
            }
            values.add(item.text.strip());
        }
        return values;
    }

    /** A file path, relative to this file's folder unless absolute; empty when absent. */
    public Optional<Path> optionalPath() throws ConfigException {
        if (isEmpty()) {
            return Optional.empty();
        }
        if (!isText() || text.isBlank()) {
            throw error("a file path");
        }
        return Optional.of(source.resolve(text.strip()));
    }

    /** Shortens untrusted text to 80 characters and escapes control characters. */
    public static String clip(String s) {
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

    @Override
    public String toString() {
        return source.name() + ":" + line + " " + key + " = " + describe();
    }
}
