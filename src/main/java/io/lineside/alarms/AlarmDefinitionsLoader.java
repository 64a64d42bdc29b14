package io.lineside.alarms;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigSource;
import io.lineside.config.ConfigTree;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plant's alarm definitions (YAML) with {@link ConfigTree}, all or nothing: the first problem is one
 * {@link ConfigException} naming the file, the line, the alarm (id and position), the key and what was expected.
 * Unknown keys are errors. The file format is documented in {@code demo-alarms.yaml}. Stateless; safe from any thread.
 */
public final class AlarmDefinitionsLoader {

    static final long MAX_FILE_BYTES = ConfigTree.MAX_FILE_BYTES;
    static final int MAX_ALARMS = 5_000;
    private static final int MAX_TEXT = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> TOP_KEYS = Set.of("defaults", "alarms", "shelveReasons");
    static final int MAX_SHELVE_REASONS = 20;
    private static final int MAX_REASON = 80;
    private static final Set<String> DEFAULT_KEYS = Set.of("maxShelveMinutes", "realarmMinutes");
    private static final Set<String> COMMON_KEYS = Set.of("id", "tag", "station", "kind", "priority", "onDelaySeconds",
            "offDelaySeconds", "latching", "realarmMinutes", "maxShelveMinutes", "message", "guidance", "suppressWhen");
    private static final Map<String, Set<String>> KIND_KEYS = Map.of(
            "limit", Set.of("level", "limit", "deadband", "deadbandPercent", "span"),
            "discrete", Set.of("equals", "bit"),
            "deviation", Set.of("setpoint", "limit", "deadband", "deadbandPercent", "span"),
            "rateOfChange", Set.of("limit", "deadband", "deadbandPercent", "span"),
            "noData", Set.of("seconds"));
    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN");
    private static final Set<String> GUIDANCE_KEYS = Set.of("cause", "consequence", "action", "respondWithinMinutes");
    private static final Set<String> SUPPRESS_KEYS = Set.of("tag", "equals", "bit");
    private static final long DAY_SECONDS = 86_400;
    private static final String KIND = "alarms";

    /** Loads and validates {@code file}: its alarms only. */
    public List<AlarmDefinition> load(Path file) throws ConfigException {
        return loadConfig(file).definitions();
    }

    /** Loads and validates {@code file}: its alarms and its shelve reasons. */
    public AlarmConfig loadConfig(Path file) throws ConfigException {
        return read(ConfigTree.read(KIND, file));
    }

    /** Loads the demo plant's alarms shipped with the app. */
    public List<AlarmDefinition> loadDemo() throws ConfigException {
        return loadDemoConfig().definitions();
    }

    /** Loads the demo plant's alarms and shelve reasons shipped with the app. */
    public AlarmConfig loadDemoConfig() throws ConfigException {
        ConfigSource demo = new ConfigSource(KIND, "demo-alarms.yaml", null);
        try (InputStream in = AlarmDefinitionsLoader.class.getResourceAsStream("demo-alarms.yaml")) {
            if (in == null) {
                throw demo.whole("missing from the application");
            }
            return read(ConfigTree.parse(demo, "", new String(in.readNBytes((int) MAX_FILE_BYTES), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw demo.whole("cannot be read: " + e.getMessage());
        }
    }

    /** Parses alarm definitions from text; {@code name} names it in messages. */
    List<AlarmDefinition> parse(String name, String yaml) throws ConfigException {
        return parseConfig(name, yaml).definitions();
    }

    /**
     * Parses a whole alarm definitions text (alarms and shelve reasons) with the same rules as a file: what an editor
     * validates before it saves (decision 0031); {@code name} names it in messages.
     */
    public AlarmConfig parseConfig(String name, String yaml) throws ConfigException {
        return read(ConfigTree.parse(new ConfigSource(KIND, name, null), "", yaml));
    }

    private AlarmConfig read(ConfigNode top) throws ConfigException {
        if (!top.isMapping() || top.size() == 0) {
            throw top.problem("expected a mapping with keys alarms and (optionally) defaults, shelveReasons");
        }
        top.onlyKeys(TOP_KEYS);
        ConfigNode defaults = top.get("defaults");
        if (!defaults.isEmpty() && !defaults.isMapping()) {
            throw defaults.error("a mapping");
        }
        defaults.onlyKeys(DEFAULT_KEYS);
        Duration maxShelve = Duration.ofMinutes(defaults.get("maxShelveMinutes").optionalLong(1, 7 * 24 * 60).orElse(480L));
        Duration realarm = Duration.ofMinutes(defaults.get("realarmMinutes").optionalLong(0, 24 * 60).orElse(0L));
        ConfigNode list = top.get("alarms");
        if (!list.isList() || list.items().isEmpty()) {
            throw list.error("a non-empty list of alarms");
        }
        if (list.items().size() > MAX_ALARMS) {
            throw list.error("at most " + MAX_ALARMS + " alarms", list.items().size() + " alarms");
        }
        List<AlarmDefinition> out = new ArrayList<>();
        Map<String, ConfigNode> nodes = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode node = list.items().get(i);
            AlarmDefinition d = alarm(i, node, maxShelve, realarm);
            Integer earlier = seen.putIfAbsent(d.id(), i);
            if (earlier != null) {
                throw node.within("alarm '" + d.id() + "' (alarms[" + i + "])")
                        .problem("duplicate id, already used by alarms[" + earlier + "]");
            }
            nodes.put(d.id(), node);
            out.add(d);
        }
        LimitOrder.check(out, nodes);
        return new AlarmConfig(out, shelveReasons(top.get("shelveReasons")));
    }

    /**
     * The optional top-level {@code shelveReasons:} list: 1-20 distinct texts of at most 80 characters, none with a
     * ':' (it separates the reason from the operator's note in the journal); the last one needs a note. A bad entry
     * names the file, its line and the key, e.g. {@code shelveReasons[2]}.
     */
    private static ShelveReasons shelveReasons(ConfigNode list) throws ConfigException {
        if (list.isEmpty()) {
            return ShelveReasons.DEFAULT;
        }
        if (!list.isList() || list.items().isEmpty() || list.items().size() > MAX_SHELVE_REASONS) {
            throw list.error("a list of 1-" + MAX_SHELVE_REASONS + " reasons",
                    list.isList() ? list.items().size() + " reasons" : list.describe());
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode r : list.items()) {
            String problem = !r.isText() || r.text().isBlank() ? "a non-empty text"
                    : r.text().strip().length() > MAX_REASON ? "at most " + MAX_REASON + " characters"
                    : r.text().contains(":") ? "a text without ':' (it separates the reason from the note)"
                    : out.contains(r.text().strip()) ? "a reason not listed before"
                    : null;
            if (problem != null) {
                throw r.error(problem);
            }
            out.add(r.text().strip());
        }
        return new ShelveReasons(out);
    }

    private AlarmDefinition alarm(int index, ConfigNode node, Duration maxShelveDefault, Duration realarmDefault)
            throws ConfigException {
        String position = "alarms[" + index + "]";
        ConfigNode at = node.within(position);
        if (!node.isMapping()) {
            throw at.problem("expected a mapping, found " + node.describe());
        }
        ConfigNode idNode = at.get("id");
        String id = idNode.optionalText(64).orElseThrow(() -> idNode.error("an alarm id of 1-64 A-Z a-z 0-9 _ . -"));
        if (!ID.matcher(id).matches()) {
            throw idNode.error("1-64 of A-Z a-z 0-9 _ . -");
        }
        ConfigNode f = node.within("alarm '" + id + "' (" + position + ")");
        String kinds = "one of " + String.join(", ", KIND_KEYS.keySet().stream().sorted().toList());
        ConfigNode kindNode = f.get("kind");
        String kind = kindNode.optionalText(32).orElseThrow(() -> kindNode.error(kinds));
        Set<String> kindKeys = KIND_KEYS.get(kind);
        if (kindKeys == null) {
            throw kindNode.error(kinds);
        }
        Set<String> allowed = new java.util.HashSet<>(COMMON_KEYS);
        allowed.addAll(kindKeys);
        f.onlyKeys(allowed);
        TagPath tag = tagPath(f.get("tag"));
        StationId station = f.get("station").isEmpty() ? tag.stationId() : station(f.get("station"));
        ConfigNode priorityNode = f.get("priority");
        String priorityName = priorityNode.optionalText(32)
                .orElseThrow(() -> priorityNode.error("Critical, High, Medium, Low or Diagnostic"));
        Priority priority = Priority.fromName(priorityName);
        if (priority == null) {
            throw priorityNode.error("Critical, High, Medium, Low or Diagnostic");
        }
        AlarmCondition condition = AlarmConditions.read(f, kind);
        Duration onDelay = Duration.ofSeconds(f.get("onDelaySeconds").optionalLong(0, DAY_SECONDS).orElse(0L));
        Duration offDelay = Duration.ofSeconds(f.get("offDelaySeconds").optionalLong(0, DAY_SECONDS).orElse(0L));
        boolean latching = f.get("latching").bool(false);
        Duration realarm = f.get("realarmMinutes").optionalLong(0, 24 * 60).map(Duration::ofMinutes).orElse(realarmDefault);
        Duration maxShelve = f.get("maxShelveMinutes").optionalLong(1, 7 * 24 * 60).map(Duration::ofMinutes)
                .orElse(maxShelveDefault);
        return new AlarmDefinition(id, tag, station, priority, condition, onDelay, offDelay, latching, realarm,
                maxShelve, messages(f), guidance(f), suppression(f));
    }

    static TagPath tagPath(ConfigNode n) throws ConfigException {
        String text = n.optionalText(400).orElseThrow(() -> n.error("a tag path site/area/line/station/signal"));
        try {
            return TagPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw n.error("a tag path site/area/line/station/signal (" + e.getMessage() + ")");
        }
    }

    private static StationId station(ConfigNode n) throws ConfigException {
        String text = n.optionalText(300).orElseThrow(() -> n.error("a station site/area/line/station"));
        try {
            String[] p = text.split("/", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException("4 segments needed, has " + p.length);
            }
            return new TagPath(p[0], p[1], p[2], p[3], "station").stationId();
        } catch (IllegalArgumentException e) {
            throw n.error("a station site/area/line/station (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> messages(ConfigNode f) throws ConfigException {
        ConfigNode m = f.get("message");
        if (!m.isMapping()) {
            throw m.error(m.isEmpty() ? "a mapping of language to text with en" : "a mapping");
        }
        m.onlyKeys(LANGUAGES);
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : List.of("en", "zh-CN")) {
            m.get(language).optionalText(MAX_TEXT).ifPresent(t -> out.put(language, t));
        }
        if (!out.containsKey("en")) {
            throw m.get("en").error("the English message text");
        }
        return out;
    }

    private static Optional<Guidance> guidance(ConfigNode f) throws ConfigException {
        ConfigNode gf = f.get("guidance");
        if (gf.isEmpty()) {
            return Optional.empty();
        }
        if (!gf.isMapping()) {
            throw gf.error("a mapping");
        }
        gf.onlyKeys(GUIDANCE_KEYS);
        Map<String, String> cause = guidanceText(gf.get("cause"), "the likely cause");
        Map<String, String> consequence = guidanceText(gf.get("consequence"), "the consequence of no action");
        Map<String, String> action = guidanceText(gf.get("action"), "the operator's action");
        Map<String, Guidance.Text> translations = new LinkedHashMap<>();
        for (String language : List.of("zh-CN")) {
            if (cause.containsKey(language) || consequence.containsKey(language) || action.containsKey(language)) {
                translations.put(language, new Guidance.Text(cause.get(language), consequence.get(language),
                        action.get(language)));
            }
        }
        ConfigNode respond = gf.get("respondWithinMinutes");
        return Optional.of(new Guidance(cause.get("en"), consequence.get("en"), action.get("en"),
                Duration.ofMinutes(respond.optionalLong(1, 24 * 60)
                        .orElseThrow(() -> respond.error("a whole number from 1 to 1440"))),
                translations));
    }

    /**
     * One guidance text: a plain string (English, as before) or, as {@code message}, a mapping of language to text
     * with {@code en}.
     */
    private static Map<String, String> guidanceText(ConfigNode n, String what) throws ConfigException {
        if (!n.isMapping()) {
            return Map.of("en", n.optionalText(MAX_TEXT).orElseThrow(() -> n.error(what)));
        }
        n.onlyKeys(LANGUAGES);
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : List.of("en", "zh-CN")) {
            n.get(language).optionalText(MAX_TEXT).ifPresent(t -> out.put(language, t));
        }
        if (!out.containsKey("en")) {
            throw n.get("en").error("the English " + n.key().substring(n.key().lastIndexOf('.') + 1) + " text");
        }
        return out;
    }

    private static Optional<SuppressionRule> suppression(ConfigNode f) throws ConfigException {
        ConfigNode sf = f.get("suppressWhen");
        if (sf.isEmpty()) {
            return Optional.empty();
        }
        if (!sf.isMapping()) {
            throw sf.error("a mapping");
        }
        sf.onlyKeys(SUPPRESS_KEYS);
        return Optional.of(new SuppressionRule(tagPath(sf.get("tag")), AlarmConditions.discrete(sf)));
    }
}
