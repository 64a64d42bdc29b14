package io.lineside.commands;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a signal's {@code command:} block, strictly: unknown keys, wrong types and impossible combinations are
 * errors naming the file, the line and the key.
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

    private CommandSpecParser() {
    }

    /**
     * @param node         the {@code command} value (its key path, e.g. {@code mappings[0].signals[2].command},
     *                     names it in messages)
     * @param derivedTopic true if a default command topic can be derived from the telemetry topic (it has no
     *                     wildcards); otherwise {@code topic} is required for plain MQTT signals
     */
    public static CommandSpec parse(ConfigNode node, boolean derivedTopic) throws ConfigException {
        if (!node.isMapping()) {
            throw node.error("a mapping {kind: setpoint|mode|action, ...}");
        }
        node.onlyKeys(KEYS);
        ConfigNode kindNode = node.get("kind");
        String kindWord = kindNode.optionalText().orElseThrow(() -> kindNode.error("setpoint, mode or action"));
        CommandKind kind = CommandKind.parse(kindWord).orElseThrow(() -> kindNode.error("setpoint, mode or action"));
        double min = Double.NaN;
        double max = Double.NaN;
        double step = Double.NaN;
        List<String> values = List.of();
        if (kind == CommandKind.SETPOINT) {
            min = number(node.get("min"), true);
            max = number(node.get("max"), true);
            if (min > max) {
                throw node.get("max").error("a number >= min (" + CommandSpec.format(min) + ")", CommandSpec.format(max));
            }
            step = number(node.get("step"), false);
            if (!Double.isNaN(step) && !(step > 0)) {
                throw node.get("step").error("a number > 0", CommandSpec.format(step));
            }
            only(node, kind, "values", "expect");
        } else {
            only(node, kind, "min", "max", "step");
            values = words(node.get("values"), kind);
        }
        Map<String, String> expect = Map.of();
        if (node.has("expect")) {
            if (kind != CommandKind.ACTION) {
                throw node.get("expect").error("no expect for a " + kind.word() + " (actions only)", "a value");
            }
            expect = expect(node.get("expect"), values);
        }
        Role role = role(node.get("role"));
        boolean critical = node.get("critical").bool(false);
        Duration confirm = seconds(node.get("confirmTimeout"), CommandSpec.DEFAULT_CONFIRM_TIMEOUT, 0.1, 600);
        Duration interval = seconds(node.get("minInterval"), CommandSpec.DEFAULT_MIN_INTERVAL, 0, 3600);
        ConfigNode topicNode = node.get("topic");
        String topic = topicNode.optionalText().orElse(null);
        if (topic != null && (topic.contains("+") || topic.contains("#") || topic.length() > 512)) {
            throw topicNode.error("a topic without wildcards (+, #), {site}..{signal} allowed");
        }
        if (topic == null && !derivedTopic) {
            throw topicNode.error("a command topic (the signal's telemetry topic has wildcards, so none can be "
                    + "derived from it)", "nothing");
        }
        String confirmSignal = node.get("confirmSignal").optionalText().orElse(null);
        return new CommandSpec(kind, min, max, step, values, role, critical, confirm, interval, topic, confirmSignal,
                expect);
    }

    private static List<String> words(ConfigNode n, CommandKind kind) throws ConfigException {
        if (n.isEmpty()) {
            if (kind == CommandKind.ACTION) {
                return CommandSpec.ACTIONS;
            }
            throw n.error("a list of the mode's values, e.g. [auto, manual]");
        }
        if (!n.isList() || n.items().isEmpty() || n.items().size() > MAX_VALUES) {
            throw n.error("a list of 1 to " + MAX_VALUES + " words");
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode w : n.items()) {
            String word = w.isText() ? w.text().strip() : "";
            boolean ok = !word.isEmpty() && word.length() <= 32 && !out.contains(word)
                    && (kind != CommandKind.ACTION || CommandSpec.ACTIONS.contains(word));
            if (!ok) {
                throw w.error(kind == CommandKind.ACTION ? "start, stop or reset (each once)"
                        : "a word of 1 to 32 characters, each once");
            }
            out.add(word);
        }
        return out;
    }

    private static Map<String, String> expect(ConfigNode n, List<String> actions) throws ConfigException {
        if (!n.isMapping() || n.size() == 0) {
            throw n.error("a mapping {start: RUNNING, ...} of action to confirming value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : n.fields().entrySet()) {
            ConfigNode v = e.getValue();
            if (!actions.contains(e.getKey())) {
                throw v.error("one of the actions " + String.join(", ", actions), "another key");
            }
            if (!(v.isText() || v.isNumber() || v.isBoolean()) || v.text().isBlank()) {
                throw v.error("the value the confirming signal shows");
            }
            out.put(e.getKey(), v.text().strip());
        }
        return out;
    }

    private static Role role(ConfigNode n) throws ConfigException {
        Optional<String> word = n.optionalText();
        if (word.isEmpty()) {
            return Role.OPERATOR;
        }
        for (Role r : Role.values()) {
            if (r != Role.VIEWER && r.name().toLowerCase(Locale.ROOT).equals(word.get())) {
                return r;
            }
        }
        throw n.error("operator, supervisor, engineer or admin");
    }

    private static void only(ConfigNode node, CommandKind kind, String... notFor) throws ConfigException {
        for (String k : notFor) {
            if (node.has(k)) {
                throw node.get(k).error("no " + k + " for a " + kind.word());
            }
        }
    }

    private static double number(ConfigNode n, boolean required) throws ConfigException {
        if (n.isEmpty()) {
            if (required) {
                throw n.error("a number");
            }
            return Double.NaN;
        }
        if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw n.error("a number");
        }
        return n.doubleValue();
    }

    private static Duration seconds(ConfigNode n, Duration fallback, double low, double high) throws ConfigException {
        if (n.isEmpty()) {
            return fallback;
        }
        if (!n.isNumber() || n.doubleValue() < low || n.doubleValue() > high) {
            throw n.error("seconds from " + CommandSpec.format(low) + " to " + CommandSpec.format(high));
        }
        return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
}
