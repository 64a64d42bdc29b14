package io.lineside.telemetry.mapping;

import io.lineside.commands.CommandSpecParser;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigSource;
import io.lineside.config.ConfigTree;
import io.lineside.stations.Localized;
import io.lineside.stations.SignalConfig;
import io.lineside.stations.SignalKind;
import io.lineside.stations.SignalRole;
import io.lineside.tags.TagMeta;
import java.io.IOException;
import java.nio.file.Files;
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
 * Problems are a {@link ConfigException} naming the file, the line, the key and what was expected.
 */
public final class MappingsSection {

    private static final Set<String> RULE_KEYS = Set.of("topic", "kind", "site", "area", "line", "station", "signal",
            "signals", "timestamp", "seq", "quality", "partial");
    private static final Set<String> SIGNAL_KEYS = Set.of("name", "path", "unit", "expectedPeriod", "range", "deadband",
            "label", "decimals", "kind", "role", "trend", "command");
    private static final int MAX_RULES = 1_000;
    private static final int MAX_SIGNALS = 2_000;
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final List<WritableSignal> writable = new ArrayList<>();

    /** The mappings for the file's top level {@code top}; without a {@code mappings} key, today's layout under {@code prefix}. */
    public TopicMappings read(ConfigNode top, String prefix) throws ConfigException {
        Duration skew = top.get("clockSkewSeconds").optionalInt(1, 3600).map(Duration::ofSeconds)
                .orElse(TopicMappings.DEFAULT_CLOCK_SKEW);
        ConfigNode node = top.get("mappings");
        if (node.isEmpty()) {
            return TopicMappings.defaults(prefix, skew);
        }
        if (node.isText()) {
            node = external(node);
        }
        return rules(node, skew);
    }

    private TopicMappings rules(ConfigNode node, Duration skew) throws ConfigException {
        if (!node.isList() || node.items().isEmpty() || node.items().size() > MAX_RULES) {
            throw node.error("a list of 1 to " + MAX_RULES + " rules (or the name of a YAML file with one)");
        }
        List<MappingRule> rules = new ArrayList<>();
        for (ConfigNode rule : node.items()) {
            rules.add(rule(rule));
        }
        return TopicMappings.of(rules, skew);
    }

    /** Reads a mappings file named relative to the config; its errors name that file. */
    private static ConfigNode external(ConfigNode name) throws ConfigException {
        Path mappingFile = name.source().resolve(name.text());
        try {
            if (!Files.isRegularFile(mappingFile)) {
                throw name.error("a readable mappings file", "no file " + mappingFile);
            }
            if (Files.size(mappingFile) > MAX_FILE_BYTES) {
                throw name.error("a mappings file up to 1 MiB", "a larger file " + mappingFile);
            }
        } catch (IOException e) {
            throw name.error("a readable mappings file", e.getMessage());
        }
        ConfigSource source = ConfigSource.of(name.source().kind(), mappingFile);
        try {
            return fileList(source, Files.readString(mappingFile, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw name.error("a readable mappings file", e.getMessage());
        }
    }

    /** A mappings file's list: a bare list, or one {@code mappings:} key holding it. */
    private static ConfigNode fileList(ConfigSource source, String text) throws ConfigException {
        ConfigNode tree = ConfigTree.parse(source, "", text);
        if (tree.isMapping() && tree.size() == 1 && tree.has("mappings")) {
            return tree.get("mappings");
        }
        return ConfigTree.parse(source, "mappings", text); // a bare list: its items are mappings[0], mappings[1], ...
    }

    /**
     * The rules of a mappings file's {@code text}, read exactly as {@code mappings: <file>} reads it at start (the
     * in-app editor validates what it is about to save with this).
     */
    public TopicMappings readFile(ConfigSource source, String text, Duration clockSkew) throws ConfigException {
        return rules(fileList(source, text), clockSkew);
    }

    private MappingRule rule(ConfigNode node) throws ConfigException {
        if (!node.isMapping()) {
            throw node.error("a rule mapping with topic, kind, ...");
        }
        node.onlyKeys(RULE_KEYS);
        ConfigNode topicNode = node.get("topic");
        String topicText = topicNode.requiredText("a non-empty string");
        TopicTemplate topic;
        try {
            topic = TopicTemplate.compile(topicText);
        } catch (IllegalArgumentException e) {
            throw topicNode.error("a topic template such as plant/{site}/{area}/{line}/{station}/{signal}",
                    e.getMessage());
        }
        ConfigNode kindNode = node.get("kind");
        String kindText = node.has("kind") ? kindNode.requiredText("a non-empty string") : "object";
        PayloadKind kind = switch (kindText) {
            case "number" -> PayloadKind.NUMBER;
            case "object" -> PayloadKind.OBJECT;
            case "batch" -> PayloadKind.BATCH;
            default -> throw kindNode.error("number, object or batch");
        };
        Map<String, String> fixed = new HashMap<>();
        for (String part : TopicTemplate.PARTS) {
            if (node.has(part)) {
                fixed.put(part, node.get(part).requiredText("a non-empty string"));
            }
        }
        List<SignalSpec> signals = signals(node.get("signals"), kind == PayloadKind.BATCH);
        commands(node.get("signals"), fixed, topicText);
        boolean partial = node.get("partial").bool(false);
        try {
            return new MappingRule(topic, kind, fixed, signals, path(node.get("timestamp")), path(node.get("seq")),
                    path(node.get("quality")), partial);
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
    }

    private List<SignalSpec> signals(ConfigNode node, boolean batch) throws ConfigException {
        if (node.isEmpty()) {
            return List.of();
        }
        if (!node.isList() || node.items().size() > MAX_SIGNALS) {
            throw node.error("a list of up to " + MAX_SIGNALS + " signals {name, path, unit, expectedPeriod, range}");
        }
        List<SignalSpec> signals = new ArrayList<>();
        for (ConfigNode s : node.items()) {
            if (!s.isMapping()) {
                throw s.error("a signal mapping {name, path, unit, expectedPeriod, range}");
            }
            s.onlyKeys(SIGNAL_KEYS);
            String name = s.get("name").requiredText("a non-empty string");
            FieldPath path = path(s.get("path"));
            if (batch && path == null) {
                throw s.get("path").error("the signal's field path in the batch, e.g. values." + name);
            }
            ConfigNode unitNode = s.get("unit");
            String unit = s.has("unit") ? unitNode.requiredText("a non-empty string") : "";
            if (unit.length() > 16) {
                throw unitNode.error("a unit of at most 16 characters");
            }
            double[] range = range(s.get("range"));
            signals.add(new SignalSpec(name, path, new TagMeta(unit, range[0], range[1],
                    period(s.get("expectedPeriod")), deadband(s.get("deadband"))), display(s)));
        }
        return signals;
    }

    /** The signals {@link #read} found a {@code command:} block for (operator commands); nothing else is writable. */
    public WritableSignals writable() {
        return new WritableSignals(writable);
    }

    private void commands(ConfigNode signals, Map<String, String> fixed, String topic) throws ConfigException {
        boolean derivable = !topic.contains("+") && !topic.contains("#");
        for (ConfigNode signal : signals.items()) {
            ConfigNode c = signal.get("command");
            if (!c.isAbsent()) {
                writable.add(WritableSignal.mqtt(fixed, signal.get("name").text().strip(),
                        CommandSpecParser.parse(c, derivable), topic));
            }
        }
    }

    /** The signal's label, decimals, kind, roles and default-trend choice (each optional). */
    private static SignalConfig display(ConfigNode s) throws ConfigException {
        Localized label = Localized.NONE;
        ConfigNode l = s.get("label");
        if (!l.isEmpty()) {
            Map<String, String> byTag = new HashMap<>();
            if (l.isText() && !l.text().isBlank() && l.text().length() <= 64) {
                byTag.put("en", l.text().strip());
            } else if (l.isMapping() && l.size() > 0) {
                for (Map.Entry<String, ConfigNode> e : l.fields().entrySet()) {
                    ConfigNode v = e.getValue();
                    if (!v.isText() || v.text().isBlank() || v.text().length() > 64
                            || !e.getKey().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                        throw v.error("a label of 1 to 64 characters under a language tag such as en or zh-CN");
                    }
                    byTag.put(e.getKey(), v.text().strip());
                }
            } else {
                throw l.error("a label of 1 to 64 characters, or one per language {en: ..., zh-CN: ...}");
            }
            label = new Localized(byTag);
        }
        int decimals = s.get("decimals").optionalInt(0, 6).orElse(-1);
        SignalKind kind = null;
        if (s.has("kind")) {
            ConfigNode kindNode = s.get("kind");
            String word = kindNode.requiredText("a non-empty string");
            kind = SignalKind.parse(word).orElseThrow(() -> kindNode.error("analog, counter, state, text or boolean"));
        }
        Set<SignalRole> roles = EnumSet.noneOf(SignalRole.class);
        ConfigNode r = s.get("role");
        if (!r.isEmpty()) {
            List<ConfigNode> words = r.isList() ? r.items() : List.of(r);
            for (ConfigNode w : words) {
                SignalRole role = w.isText() ? SignalRole.parse(w.text()).orElse(null) : null;
                if (role == null) {
                    throw r.error("state, good-count, scrap-count or speed (or a list of them)", w.describe());
                }
                roles.add(role);
            }
        }
        ConfigNode t = s.get("trend");
        Boolean trend = t.isEmpty() ? null : t.bool(false);
        return new SignalConfig(label, Localized.NONE, decimals, kind, roles, trend);
    }

    /** History's store-on-change deadband of the signal (its units), or NaN: the station's {@code historyDeadband}. */
    private static double deadband(ConfigNode node) throws ConfigException {
        if (node.isEmpty()) {
            return Double.NaN;
        }
        if (!node.isNumber() || !(node.doubleValue() >= 0) || Double.isInfinite(node.doubleValue())) {
            throw node.error("a number >= 0 in the signal's units");
        }
        return node.doubleValue();
    }

    private static double[] range(ConfigNode node) throws ConfigException {
        if (node.isEmpty()) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        List<ConfigNode> items = node.items();
        if (!node.isList() || items.size() != 2 || !items.get(0).isNumber() || !items.get(1).isNumber()
                || !Double.isFinite(items.get(0).doubleValue()) || !Double.isFinite(items.get(1).doubleValue())
                || items.get(0).doubleValue() > items.get(1).doubleValue()) {
            throw node.error("[low, high]: two numbers with low <= high");
        }
        return new double[] {items.get(0).doubleValue(), items.get(1).doubleValue()};
    }

    /** Seconds (a positive number) or an ISO-8601 duration such as PT0.5S; 1 ms to 1 day. */
    private static Duration period(ConfigNode node) throws ConfigException {
        if (node.isEmpty()) {
            return null;
        }
        Duration d = null;
        if (node.isNumber() && node.doubleValue() > 0 && node.doubleValue() <= 86_400) {
            d = Duration.ofNanos(Math.round(node.doubleValue() * 1e9));
        } else if (node.isText()) {
            try {
                d = Duration.parse(node.text().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.toMillis() < 1 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw node.error("seconds (e.g. 0.5) or an ISO-8601 duration (e.g. PT0.5S) from 1 ms to 1 day");
        }
        return d;
    }

    private static FieldPath path(ConfigNode node) throws ConfigException {
        if (node.isEmpty()) {
            return null;
        }
        try {
            return FieldPath.parse(node.requiredText("a non-empty string"));
        } catch (IllegalArgumentException e) {
            throw node.error("a field path such as values.temperature or /values/temperature", e.getMessage());
        }
    }
}
