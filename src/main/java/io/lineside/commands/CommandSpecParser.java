package io.lineside.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineside.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a signal's {@code command:} block, strictly: unknown keys, wrong types and impossible combinations are
 * errors naming the file and the key.
 * <pre>
 * command: {kind: setpoint, min: 0, max: 40, step: 0.5, role: operator, critical: false, confirmTimeout: 5}
 * command: {kind: mode, values: [auto, manual], role: supervisor}
 * command: {kind: action, values: [start, stop, reset], critical: true, confirmSignal: state,
 *           expect: {start: RUNNING, stop: IDLE, reset: RUNNING}}
 * # optional everywhere: minInterval (seconds between writes, default 1), topic (plain MQTT command topic template)
 * </pre>
 */
public final class CommandSpecParser {

    private static final Set<String> KEYS = Set.of("kind", "min", "max", "step", "values", "role", "critical",
            "confirmTimeout", "minInterval", "topic", "confirmSignal", "expect");
    private static final int MAX_VALUES = 50;

    private final String file;

    /** @param file the config file named in error messages */
    public CommandSpecParser(String file) {
        this.file = file;
    }

    /**
     * @param node         the {@code command} value
     * @param key          its key path, e.g. {@code mappings[0].signals[2].command}
     * @param derivedTopic true if a default command topic can be derived from the telemetry topic (it has no
     *                     wildcards); otherwise {@code topic} is required for plain MQTT signals
     */
    public CommandSpec parse(JsonNode node, String key, boolean derivedTopic) throws CommandConfigException {
        if (node == null || !node.isObject()) {
            throw error(key, "a mapping {kind: setpoint|mode|action, ...}", describe(node));
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!KEYS.contains(name)) {
                throw new CommandConfigException("config " + file + ": unknown key '" + key + "." + name
                        + "'; expected one of " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        String kindWord = text(node, key, "kind");
        if (kindWord == null) {
            throw error(key + ".kind", "setpoint, mode or action", "nothing");
        }
        CommandKind kind = CommandKind.parse(kindWord)
                .orElseThrow(() -> error(key + ".kind", "setpoint, mode or action", quote(kindWord)));
        double min = Double.NaN;
        double max = Double.NaN;
        double step = Double.NaN;
        List<String> values = List.of();
        if (kind == CommandKind.SETPOINT) {
            min = number(node, key, "min", true);
            max = number(node, key, "max", true);
            if (min > max) {
                throw error(key + ".max", "a number >= min (" + CommandSpec.format(min) + ")", CommandSpec.format(max));
            }
            step = number(node, key, "step", false);
            if (!Double.isNaN(step) && !(step > 0)) {
                throw error(key + ".step", "a number > 0", CommandSpec.format(step));
            }
            only(node, key, kind, "values", "expect");
        } else {
            only(node, key, kind, "min", "max", "step");
            values = words(node.get("values"), key + ".values", kind);
        }
        Map<String, String> expect = Map.of();
        if (node.has("expect")) {
            if (kind != CommandKind.ACTION) {
                throw error(key + ".expect", "no expect for a " + kind.word() + " (actions only)", "a value");
            }
            expect = expect(node.get("expect"), key + ".expect", values);
        }
        Role role = role(node, key);
        JsonNode c = node.get("critical");
        if (c != null && !c.isBoolean()) {
            throw error(key + ".critical", "true or false", describe(c));
        }
        Duration confirm = seconds(node, key, "confirmTimeout", CommandSpec.DEFAULT_CONFIRM_TIMEOUT, 0.1, 600);
        Duration interval = seconds(node, key, "minInterval", CommandSpec.DEFAULT_MIN_INTERVAL, 0, 3600);
        String topic = text(node, key, "topic");
        if (topic != null && (topic.contains("+") || topic.contains("#") || topic.length() > 512)) {
            throw error(key + ".topic", "a topic without wildcards (+, #), {site}..{signal} allowed", quote(topic));
        }
        if (topic == null && !derivedTopic) {
            throw error(key + ".topic", "a command topic (the signal's telemetry topic has wildcards, so none can be "
                    + "derived from it)", "nothing");
        }
        String confirmSignal = text(node, key, "confirmSignal");
        return new CommandSpec(kind, min, max, step, values, role, c != null && c.booleanValue(), confirm, interval,
                topic, confirmSignal, expect);
    }

    private List<String> words(JsonNode n, String key, CommandKind kind) throws CommandConfigException {
        if (n == null || n.isNull()) {
            if (kind == CommandKind.ACTION) {
                return CommandSpec.ACTIONS;
            }
            throw error(key, "a list of the mode's values, e.g. [auto, manual]", "nothing");
        }
        if (!n.isArray() || n.isEmpty() || n.size() > MAX_VALUES) {
            throw error(key, "a list of 1 to " + MAX_VALUES + " words", describe(n));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode w = n.get(i);
            String word = w.isTextual() ? w.asText().strip() : "";
            boolean ok = !word.isEmpty() && word.length() <= 32 && !out.contains(word)
                    && (kind != CommandKind.ACTION || CommandSpec.ACTIONS.contains(word));
            if (!ok) {
                throw error(key + "[" + i + "]", kind == CommandKind.ACTION ? "start, stop or reset (each once)"
                        : "a word of 1 to 32 characters, each once", describe(w));
            }
            out.add(word);
        }
        return out;
    }

    private Map<String, String> expect(JsonNode n, String key, List<String> actions) throws CommandConfigException {
        if (!n.isObject() || n.isEmpty()) {
            throw error(key, "a mapping {start: RUNNING, ...} of action to confirming value", describe(n));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!actions.contains(e.getKey())) {
                throw error(key + "." + e.getKey(), "one of the actions " + String.join(", ", actions), "another key");
            }
            JsonNode v = e.getValue();
            if (!(v.isTextual() || v.isNumber() || v.isBoolean()) || v.asText().isBlank()) {
                throw error(key + "." + e.getKey(), "the value the confirming signal shows", describe(v));
            }
            out.put(e.getKey(), v.asText().strip());
        }
        return out;
    }

    private Role role(JsonNode node, String key) throws CommandConfigException {
        String word = text(node, key, "role");
        if (word == null) {
            return Role.OPERATOR;
        }
        for (Role r : Role.values()) {
            if (r != Role.VIEWER && r.name().toLowerCase(Locale.ROOT).equals(word)) {
                return r;
            }
        }
        throw error(key + ".role", "operator, supervisor, engineer or admin", quote(word));
    }

    private void only(JsonNode node, String key, CommandKind kind, String... notFor) throws CommandConfigException {
        for (String k : notFor) {
            if (node.has(k)) {
                throw error(key + "." + k, "no " + k + " for a " + kind.word(), describe(node.get(k)));
            }
        }
    }

    private double number(JsonNode node, String key, String field, boolean required) throws CommandConfigException {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw error(key + "." + field, "a number", "nothing");
            }
            return Double.NaN;
        }
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw error(key + "." + field, "a number", describe(n));
        }
        return n.asDouble();
    }

    private Duration seconds(JsonNode node, String key, String field, Duration fallback, double low, double high)
            throws CommandConfigException {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber() || n.asDouble() < low || n.asDouble() > high) {
            throw error(key + "." + field, "seconds from " + CommandSpec.format(low) + " to " + CommandSpec.format(high),
                    describe(n));
        }
        return Duration.ofMillis(Math.round(n.asDouble() * 1000));
    }

    private String text(JsonNode node, String key, String field) throws CommandConfigException {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw error(key + "." + field, "a non-empty string", describe(n));
        }
        return n.asText().strip();
    }

    private CommandConfigException error(String key, String expected, String found) {
        return new CommandConfigException("config " + file + ": key '" + key + "': expected " + expected + ", found "
                + found);
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return quote(n.asText());
        }
        return n.isContainerNode() ? (n.isArray() ? "a list" : "a mapping") : n.toString();
    }
}
