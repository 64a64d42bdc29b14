package io.lineside.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lineside.commands.CommandConfigException;
import io.lineside.commands.CommandSpecParser;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.stations.Localized;
import io.lineside.stations.SignalConfig;
import io.lineside.stations.SignalKind;
import io.lineside.stations.SignalRole;
import io.lineside.tags.TagMeta;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.SignalSpec;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.mapping.TopicTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the optional {@code mappings:} section (inline, or the name of a YAML file holding the list) and the
 * {@code clockSkewSeconds} limit of a workstation config:
 * <pre>
 * clockSkewSeconds: 5                      # 1..3600, default 5
 * mappings:                                # or: mappings: mappings.yaml
 *   - topic: plant/{site}/{area}/{line}/{station}/telemetry   # {part} captures, + one level, # the rest
 *     kind: batch                          # number | object (default) | batch
 *     timestamp: ts                        # batch: shared fields, dotted (a.b) or JSON Pointer (/a/b)
 *     seq: seq
 *     quality: q
 *     partial: false                       # batch: true = absent signals are skipped instead of BAD
 *     signals:
 *       - {name: temperature, path: values.temperature, unit: "°C", expectedPeriod: 1, range: [0, 250]}
 *       - {name: zone1, path: values.zone1, unit: "°C", range: [0, 300], decimals: 0, trend: true,
 *          label: {en: Zone 1, zh-CN: 一区}}           # label: a string, or one per language
 *       - {name: door, path: values.door, kind: state}  # analog | counter | state | text | boolean
 *       - {name: trays, path: values.trays, role: good-count}  # state | good-count | scrap-count | speed
 *       - {name: speedSp, path: values.speedSp, command: {kind: setpoint, min: 0, max: 40, step: 0.5}}
 *                                          # writable: see CommandSpecParser (nothing is writable without it)
 *   - topic: factory/+/press/{line}/{station}/{signal}
 *     site: plant2                         # parts the topic does not carry
 *     area: press
 * </pre>
 * Problems are a {@link ConfigException} naming the file, the key and what was expected.
 */
final class MappingsSection {

    private static final Set<String> RULE_KEYS = Set.of("topic", "kind", "site", "area", "line", "station", "signal",
            "signals", "timestamp", "seq", "quality", "partial");
    private static final Set<String> SIGNAL_KEYS = Set.of("name", "path", "unit", "expectedPeriod", "range", "deadband",
            "label", "decimals", "kind", "role", "trend", "command");
    private static final int MAX_RULES = 1_000;
    private static final int MAX_SIGNALS = 2_000;
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final YAMLMapper yaml = YAMLMapper.builder(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private Path file;
    private final List<WritableSignal> writable = new ArrayList<>();

    MappingsSection(Path configFile) {
        this.file = configFile;
    }

    /** The mappings for {@code root}; without a {@code mappings} key, today's layout under {@code prefix}. */
    TopicMappings read(JsonNode root, String prefix) throws ConfigException {
        Duration skew = TopicMappings.DEFAULT_CLOCK_SKEW;
        JsonNode skewNode = root.get("clockSkewSeconds");
        if (skewNode != null && !skewNode.isNull()) {
            if (!skewNode.isIntegralNumber() || skewNode.asLong() < 1 || skewNode.asLong() > 3600) {
                throw error("clockSkewSeconds", "a whole number from 1 to 3600", describe(skewNode));
            }
            skew = Duration.ofSeconds(skewNode.asLong());
        }
        JsonNode node = root.get("mappings");
        if (node == null || node.isNull()) {
            return TopicMappings.defaults(prefix, skew);
        }
        if (node.isTextual()) {
            node = external(node.asText());
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_RULES) {
            throw error("mappings", "a list of 1 to " + MAX_RULES + " rules (or the name of a YAML file with one)",
                    describe(node));
        }
        List<MappingRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            rules.add(rule(node.get(i), "mappings[" + i + "]"));
        }
        return TopicMappings.of(rules, skew);
    }

    /** Reads a mappings file named relative to the config; its errors name that file. */
    private JsonNode external(String name) throws ConfigException {
        Path p = Path.of(name);
        Path parent = file.toAbsolutePath().getParent();
        Path mappingFile = p.isAbsolute() || parent == null ? p : parent.resolve(p).normalize();
        try {
            if (Files.size(mappingFile) > MAX_FILE_BYTES) {
                throw error("mappings", "a mappings file up to 1 MiB", "a larger file " + mappingFile);
            }
            JsonNode tree = yaml.readTree(Files.readString(mappingFile));
            file = mappingFile;
            if (tree != null && tree.isObject() && tree.size() == 1 && tree.has("mappings")) {
                return tree.get("mappings");
            }
            return tree == null ? yaml.nullNode() : tree;
        } catch (NoSuchFileException e) {
            throw error("mappings", "a readable mappings file", "no file " + mappingFile);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException("config " + mappingFile + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw error("mappings", "a readable mappings file", e.getMessage());
        }
    }

    private MappingRule rule(JsonNode node, String key) throws ConfigException {
        if (!node.isObject()) {
            throw error(key, "a rule mapping with topic, kind, ...", describe(node));
        }
        onlyKeys(node, key, RULE_KEYS);
        String topicText = text(node, key, "topic", true);
        TopicTemplate topic;
        try {
            topic = TopicTemplate.compile(topicText);
        } catch (IllegalArgumentException e) {
            throw error(key + ".topic", "a topic template such as plant/{site}/{area}/{line}/{station}/{signal}",
                    e.getMessage());
        }
        String kindText = node.has("kind") ? text(node, key, "kind", true) : "object";
        PayloadKind kind = switch (kindText) {
            case "number" -> PayloadKind.NUMBER;
            case "object" -> PayloadKind.OBJECT;
            case "batch" -> PayloadKind.BATCH;
            default -> throw error(key + ".kind", "number, object or batch", quote(kindText));
        };
        Map<String, String> fixed = new HashMap<>();
        for (String part : TopicTemplate.PARTS) {
            if (node.has(part)) {
                fixed.put(part, text(node, key, part, true));
            }
        }
        List<SignalSpec> signals = signals(node.get("signals"), key + ".signals", kind == PayloadKind.BATCH);
        commands(node.get("signals"), key + ".signals", fixed, topicText);
        JsonNode partial = node.get("partial");
        if (partial != null && !partial.isBoolean()) {
            throw error(key + ".partial", "true or false", describe(partial));
        }
        try {
            return new MappingRule(topic, kind, fixed, signals, path(node, key, "timestamp"), path(node, key, "seq"),
                    path(node, key, "quality"), partial != null && partial.booleanValue());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + file + ": key '" + key + "': " + e.getMessage());
        }
    }

    private List<SignalSpec> signals(JsonNode node, String key, boolean batch) throws ConfigException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_SIGNALS) {
            throw error(key, "a list of up to " + MAX_SIGNALS + " signals {name, path, unit, expectedPeriod, range}",
                    describe(node));
        }
        List<SignalSpec> signals = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String k = key + "[" + i + "]";
            JsonNode s = node.get(i);
            if (!s.isObject()) {
                throw error(k, "a signal mapping {name, path, unit, expectedPeriod, range}", describe(s));
            }
            onlyKeys(s, k, SIGNAL_KEYS);
            String name = text(s, k, "name", true);
            FieldPath path = path(s, k, "path");
            if (batch && path == null) {
                throw error(k + ".path", "the signal's field path in the batch, e.g. values." + name, "nothing");
            }
            String unit = s.has("unit") ? text(s, k, "unit", true) : "";
            if (unit.length() > 16) {
                throw error(k + ".unit", "a unit of at most 16 characters", quote(unit));
            }
            double[] range = range(s.get("range"), k + ".range");
            signals.add(new SignalSpec(name, path, new TagMeta(unit, range[0], range[1],
                    period(s.get("expectedPeriod"), k + ".expectedPeriod"), deadband(s.get("deadband"), k + ".deadband")),
                    display(s, k)));
        }
        return signals;
    }

    /** The signals {@link #read} found a {@code command:} block for (operator commands); nothing else is writable. */
    WritableSignals writable() {
        return new WritableSignals(writable);
    }

    private void commands(JsonNode signals, String key, Map<String, String> fixed, String topic) throws ConfigException {
        if (signals == null || !signals.isArray()) {
            return;
        }
        boolean derivable = !topic.contains("+") && !topic.contains("#");
        CommandSpecParser parser = new CommandSpecParser(file.toString());
        for (int i = 0; i < signals.size(); i++) {
            JsonNode c = signals.get(i).get("command");
            if (c != null) {
                try {
                    writable.add(WritableSignal.mqtt(fixed, signals.get(i).get("name").asText().strip(),
                            parser.parse(c, key + "[" + i + "].command", derivable), topic));
                } catch (CommandConfigException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
        }
    }

    /** The signal's label, decimals, kind, roles and default-trend choice (each optional). */
    private SignalConfig display(JsonNode s, String k) throws ConfigException {
        Localized label = Localized.NONE;
        JsonNode l = s.get("label");
        if (l != null && !l.isNull()) {
            Map<String, String> byTag = new HashMap<>();
            if (l.isTextual() && !l.asText().isBlank() && l.asText().length() <= 64) {
                byTag.put("en", l.asText().strip());
            } else if (l.isObject() && !l.isEmpty()) {
                for (var it = l.fields(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getValue().isTextual() || e.getValue().asText().isBlank() || e.getValue().asText().length() > 64
                            || !e.getKey().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                        throw error(k + ".label." + e.getKey(), "a label of 1 to 64 characters under a language tag "
                                + "such as en or zh-CN", describe(e.getValue()));
                    }
                    byTag.put(e.getKey(), e.getValue().asText().strip());
                }
            } else {
                throw error(k + ".label", "a label of 1 to 64 characters, or one per language {en: ..., zh-CN: ...}",
                        describe(l));
            }
            label = new Localized(byTag);
        }
        int decimals = -1;
        JsonNode d = s.get("decimals");
        if (d != null && !d.isNull()) {
            if (!d.isIntegralNumber() || d.asInt() < 0 || d.asInt() > 6) {
                throw error(k + ".decimals", "a whole number from 0 to 6", describe(d));
            }
            decimals = d.asInt();
        }
        SignalKind kind = null;
        if (s.has("kind")) {
            String word = text(s, k, "kind", true);
            kind = SignalKind.parse(word).orElseThrow(() -> error(k + ".kind",
                    "analog, counter, state, text or boolean", quote(word)));
        }
        Set<SignalRole> roles = EnumSet.noneOf(SignalRole.class);
        JsonNode r = s.get("role");
        if (r != null && !r.isNull()) {
            List<JsonNode> words = new ArrayList<>();
            if (r.isArray()) {
                r.forEach(words::add);
            } else {
                words.add(r);
            }
            for (JsonNode w : words) {
                SignalRole role = w.isTextual() ? SignalRole.parse(w.asText()).orElse(null) : null;
                if (role == null) {
                    throw error(k + ".role", "state, good-count, scrap-count or speed (or a list of them)", describe(w));
                }
                roles.add(role);
            }
        }
        JsonNode t = s.get("trend");
        if (t != null && !t.isNull() && !t.isBoolean()) {
            throw error(k + ".trend", "true or false", describe(t));
        }
        return new SignalConfig(label, Localized.NONE, decimals, kind, roles,
                t == null || t.isNull() ? null : t.booleanValue());
    }

    /** History's store-on-change deadband of the signal (its units), or NaN: the station's {@code historyDeadband}. */
    private double deadband(JsonNode node, String key) throws ConfigException {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (!node.isNumber() || !(node.asDouble() >= 0) || Double.isInfinite(node.asDouble())) {
            throw error(key, "a number >= 0 in the signal's units", node.toString());
        }
        return node.asDouble();
    }

    private double[] range(JsonNode node, String key) throws ConfigException {
        if (node == null || node.isNull()) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()
                || !Double.isFinite(node.get(0).asDouble()) || !Double.isFinite(node.get(1).asDouble())
                || node.get(0).asDouble() > node.get(1).asDouble()) {
            throw error(key, "[low, high]: two numbers with low <= high", describe(node));
        }
        return new double[] {node.get(0).asDouble(), node.get(1).asDouble()};
    }

    /** Seconds (a positive number) or an ISO-8601 duration such as PT0.5S; 1 ms to 1 day. */
    private Duration period(JsonNode node, String key) throws ConfigException {
        if (node == null || node.isNull()) {
            return null;
        }
        Duration d = null;
        if (node.isNumber() && node.asDouble() > 0 && node.asDouble() <= 86_400) {
            d = Duration.ofNanos(Math.round(node.asDouble() * 1e9));
        } else if (node.isTextual()) {
            try {
                d = Duration.parse(node.asText().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.toMillis() < 1 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw error(key, "seconds (e.g. 0.5) or an ISO-8601 duration (e.g. PT0.5S) from 1 ms to 1 day",
                    describe(node));
        }
        return d;
    }

    private FieldPath path(JsonNode node, String key, String field) throws ConfigException {
        if (!node.has(field) || node.get(field).isNull()) {
            return null;
        }
        try {
            return FieldPath.parse(text(node, key, field, true));
        } catch (IllegalArgumentException e) {
            throw error(key + "." + field, "a field path such as values.temperature or /values/temperature",
                    e.getMessage());
        }
    }

    private String text(JsonNode node, String key, String field, boolean required) throws ConfigException {
        JsonNode child = node.get(field);
        if ((child == null || child.isNull()) && required) {
            throw error(key + "." + field, "a non-empty string", "nothing");
        }
        if (!child.isTextual() || child.asText().isBlank()) {
            throw error(key + "." + field, "a non-empty string", describe(child));
        }
        return child.asText().strip();
    }

    private void onlyKeys(JsonNode node, String key, Set<String> allowed) throws ConfigException {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new ConfigException("config " + file + ": unknown key '" + key + "." + name
                        + "'; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private ConfigException error(String key, String expected, String found) {
        return new ConfigException("config " + file + ": key '" + key + "': expected " + expected + ", found " + found);
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
