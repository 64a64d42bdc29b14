package io.lineside.alarms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Reads a plant's alarm definitions (YAML), all or nothing: the first problem is one {@link AlarmConfigException}
 * naming the file, the alarm (id and position), the key and what was expected. Unknown keys are errors. The file
 * format is documented in {@code demo-alarms.yaml}. Stateless apart from its parser; safe from any thread.
 */
public final class AlarmDefinitionsLoader {

    static final long MAX_FILE_BYTES = 1024 * 1024;
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

    private final YAMLMapper mapper = YAMLMapper.builder(YAMLFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Loads and validates {@code file}: its alarms only. */
    public List<AlarmDefinition> load(Path file) throws AlarmConfigException {
        return loadConfig(file).definitions();
    }

    /** Loads and validates {@code file}: its alarms and its shelve reasons. */
    public AlarmConfig loadConfig(Path file) throws AlarmConfigException {
        String where = "alarms " + file;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new AlarmConfigException(where + ": file is larger than 1 MiB");
            }
            return parseConfig(where, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new AlarmConfigException(where + ": file not found");
        } catch (IOException e) {
            throw new AlarmConfigException(where + ": cannot be read: " + e.getMessage());
        }
    }

    /** Loads the demo plant's alarms shipped with the app. */
    public List<AlarmDefinition> loadDemo() throws AlarmConfigException {
        return loadDemoConfig().definitions();
    }

    /** Loads the demo plant's alarms and shelve reasons shipped with the app. */
    public AlarmConfig loadDemoConfig() throws AlarmConfigException {
        try (InputStream in = AlarmDefinitionsLoader.class.getResourceAsStream("demo-alarms.yaml")) {
            if (in == null) {
                throw new AlarmConfigException("alarms demo-alarms.yaml: missing from the application");
            }
            return parseConfig("alarms demo-alarms.yaml",
                    new String(in.readNBytes((int) MAX_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AlarmConfigException("alarms demo-alarms.yaml: cannot be read: " + e.getMessage());
        }
    }

    List<AlarmDefinition> parse(String where, String yaml) throws AlarmConfigException {
        return parseConfig(where, yaml).definitions();
    }

    AlarmConfig parseConfig(String where, String yaml) throws AlarmConfigException {
        JsonNode root;
        try {
            root = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new AlarmConfigException(where + ": not valid YAML" + at + ": " + YamlFields.clip(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new AlarmConfigException(where + ": expected a mapping with keys alarms and (optionally) defaults, shelveReasons");
        }
        YamlFields top = new YamlFields(where, "", root);
        top.onlyKeys(TOP_KEYS);
        Optional<YamlFields> defaults = top.object("defaults");
        if (defaults.isPresent()) {
            defaults.get().onlyKeys(DEFAULT_KEYS);
        }
        Duration maxShelve = Duration.ofMinutes(defaults.isEmpty() ? 480
                : defaults.get().integer("maxShelveMinutes", 1, 7 * 24 * 60).orElse(480L));
        Duration realarm = Duration.ofMinutes(defaults.isEmpty() ? 0
                : defaults.get().integer("realarmMinutes", 0, 24 * 60).orElse(0L));
        JsonNode list = root.get("alarms");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw top.error("alarms", "a non-empty list of alarms", list);
        }
        if (list.size() > MAX_ALARMS) {
            throw top.error("alarms", "at most " + MAX_ALARMS + " alarms", list.size() + " alarms");
        }
        List<AlarmDefinition> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            AlarmDefinition d = alarm(where, i, list.get(i), maxShelve, realarm);
            Integer earlier = seen.putIfAbsent(d.id(), i);
            if (earlier != null) {
                throw new AlarmConfigException(where + ": alarm '" + d.id() + "' (alarms[" + i
                        + "]): duplicate id, already used by alarms[" + earlier + "]");
            }
            out.add(d);
        }
        LimitOrder.check(where, out);
        return new AlarmConfig(out, shelveReasons(where, yaml, root.get("shelveReasons")));
    }

    /**
     * The optional top-level {@code shelveReasons:} list: 1-20 distinct texts of at most 80 characters, none with a
     * ':' (it separates the reason from the operator's note in the journal); the last one needs a note. A bad entry
     * names the file, its line and the key, e.g. {@code shelveReasons[2]}.
     */
    private ShelveReasons shelveReasons(String where, String yaml, JsonNode list) throws AlarmConfigException {
        if (list == null || list.isNull()) {
            return ShelveReasons.DEFAULT;
        }
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_SHELVE_REASONS) {
            throw new AlarmConfigException(where + ": line " + lineOf(yaml, -1) + ": key 'shelveReasons': expected a "
                    + "list of 1-" + MAX_SHELVE_REASONS + " reasons, found " + (list.isArray() ? list.size()
                    + " reasons" : YamlFields.describe(list)));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String problem = !r.isTextual() || r.asText().isBlank() ? "expected a non-empty text"
                    : r.asText().strip().length() > MAX_REASON ? "expected at most " + MAX_REASON + " characters"
                    : r.asText().contains(":") ? "expected a text without ':' (it separates the reason from the note)"
                    : out.contains(r.asText().strip()) ? "expected a reason not listed before"
                    : null;
            if (problem != null) {
                throw new AlarmConfigException(where + ": line " + lineOf(yaml, i) + ": key 'shelveReasons[" + i
                        + "]': " + problem + ", found " + YamlFields.describe(r));
            }
            out.add(r.asText().strip());
        }
        return new ShelveReasons(out);
    }

    /** The line of {@code shelveReasons[index]} in {@code yaml} ({@code -1}: of the key itself); 0 if not found. */
    private int lineOf(String yaml, int index) {
        try (JsonParser p = mapper.getFactory().createParser(yaml)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (depth == 1 && t == JsonToken.FIELD_NAME && "shelveReasons".equals(p.currentName())) {
                    p.nextToken();
                    if (index < 0 || !p.isExpectedStartArrayToken()) {
                        return p.currentTokenLocation().getLineNr();
                    }
                    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                        if (i == index) {
                            return p.currentTokenLocation().getLineNr();
                        }
                        p.skipChildren();
                    }
                    return 0;
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
        } catch (IOException e) {
            return 0; // it parsed once already; the message just has no line
        }
        return 0;
    }

    private AlarmDefinition alarm(String file, int index, JsonNode node, Duration maxShelveDefault,
                                  Duration realarmDefault) throws AlarmConfigException {
        String position = "alarms[" + index + "]";
        if (node == null || !node.isObject()) {
            throw new AlarmConfigException(file + ": " + position + ": expected a mapping, found " + YamlFields.describe(node));
        }
        YamlFields f = new YamlFields(file + ": " + position, "", node);
        String id = f.requiredText("id", 64, "an alarm id of 1-64 A-Z a-z 0-9 _ . -");
        if (!ID.matcher(id).matches()) {
            throw f.error("id", "1-64 of A-Z a-z 0-9 _ . -", "\"" + YamlFields.clip(id) + "\"");
        }
        f = new YamlFields(file + ": alarm '" + id + "' (" + position + ")", "", node);
        String kind = f.requiredText("kind", 32, "one of " + String.join(", ", KIND_KEYS.keySet().stream().sorted().toList()));
        Set<String> kindKeys = KIND_KEYS.get(kind);
        if (kindKeys == null) {
            throw f.error("kind", "one of " + String.join(", ", KIND_KEYS.keySet().stream().sorted().toList()), "\"" + YamlFields.clip(kind) + "\"");
        }
        Set<String> allowed = new java.util.HashSet<>(COMMON_KEYS);
        allowed.addAll(kindKeys);
        f.onlyKeys(allowed);
        TagPath tag = tagPath(f, "tag");
        StationId station = f.has("station") ? station(f) : tag.stationId();
        String priorityName = f.requiredText("priority", 32, "Critical, High, Medium, Low or Diagnostic");
        Priority priority = Priority.fromName(priorityName);
        if (priority == null) {
            throw f.error("priority", "Critical, High, Medium, Low or Diagnostic", "\"" + YamlFields.clip(priorityName) + "\"");
        }
        AlarmCondition condition = AlarmConditions.read(f, kind);
        Duration onDelay = Duration.ofSeconds(f.integer("onDelaySeconds", 0, DAY_SECONDS).orElse(0L));
        Duration offDelay = Duration.ofSeconds(f.integer("offDelaySeconds", 0, DAY_SECONDS).orElse(0L));
        boolean latching = f.bool("latching").orElse(false);
        Duration realarm = f.has("realarmMinutes")
                ? Duration.ofMinutes(f.integer("realarmMinutes", 0, 24 * 60).orElseThrow()) : realarmDefault;
        Duration maxShelve = f.has("maxShelveMinutes")
                ? Duration.ofMinutes(f.integer("maxShelveMinutes", 1, 7 * 24 * 60).orElseThrow()) : maxShelveDefault;
        return new AlarmDefinition(id, tag, station, priority, condition, onDelay, offDelay, latching, realarm,
                maxShelve, messages(f), guidance(f), suppression(f));
    }

    static TagPath tagPath(YamlFields f, String key) throws AlarmConfigException {
        String text = f.requiredText(key, 400, "a tag path site/area/line/station/signal");
        try {
            return TagPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw f.error(key, "a tag path site/area/line/station/signal (" + e.getMessage() + ")",
                    "\"" + YamlFields.clip(text) + "\"");
        }
    }

    private static StationId station(YamlFields f) throws AlarmConfigException {
        String text = f.requiredText("station", 300, "a station site/area/line/station");
        try {
            String[] p = text.split("/", -1);
            if (p.length != 4) {
                throw new IllegalArgumentException("4 segments needed, has " + p.length);
            }
            return new TagPath(p[0], p[1], p[2], p[3], "station").stationId();
        } catch (IllegalArgumentException e) {
            throw f.error("station", "a station site/area/line/station (" + e.getMessage() + ")",
                    "\"" + YamlFields.clip(text) + "\"");
        }
    }

    private static Map<String, String> messages(YamlFields f) throws AlarmConfigException {
        YamlFields m = f.object("message").orElseThrow(() -> f.error("message", "a mapping of language to text with en", "nothing"));
        m.onlyKeys(LANGUAGES);
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : List.of("en", "zh-CN")) {
            Optional<String> text = m.text(language, MAX_TEXT);
            text.ifPresent(t -> out.put(language, t));
        }
        if (!out.containsKey("en")) {
            throw m.error("en", "the English message text", "nothing");
        }
        return out;
    }

    private static Optional<Guidance> guidance(YamlFields f) throws AlarmConfigException {
        Optional<YamlFields> g = f.object("guidance");
        if (g.isEmpty()) {
            return Optional.empty();
        }
        YamlFields gf = g.get();
        gf.onlyKeys(GUIDANCE_KEYS);
        Map<String, String> cause = guidanceText(gf, "cause", "the likely cause");
        Map<String, String> consequence = guidanceText(gf, "consequence", "the consequence of no action");
        Map<String, String> action = guidanceText(gf, "action", "the operator's action");
        Map<String, Guidance.Text> translations = new LinkedHashMap<>();
        for (String language : List.of("zh-CN")) {
            if (cause.containsKey(language) || consequence.containsKey(language) || action.containsKey(language)) {
                translations.put(language, new Guidance.Text(cause.get(language), consequence.get(language),
                        action.get(language)));
            }
        }
        return Optional.of(new Guidance(cause.get("en"), consequence.get("en"), action.get("en"),
                Duration.ofMinutes(gf.integer("respondWithinMinutes", 1, 24 * 60)
                        .orElseThrow(() -> gf.error("respondWithinMinutes", "a whole number from 1 to 1440", "nothing"))),
                translations));
    }

    /**
     * One guidance text: a plain string (English, as before) or, as {@code message}, a mapping of language to text
     * with {@code en}.
     */
    private static Map<String, String> guidanceText(YamlFields gf, String key, String what) throws AlarmConfigException {
        if (!gf.has(key) || !gf.node().get(key).isObject()) {
            return Map.of("en", gf.requiredText(key, MAX_TEXT, what));
        }
        YamlFields m = gf.object(key).orElseThrow();
        m.onlyKeys(LANGUAGES);
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : List.of("en", "zh-CN")) {
            m.text(language, MAX_TEXT).ifPresent(t -> out.put(language, t));
        }
        if (!out.containsKey("en")) {
            throw m.error("en", "the English " + key + " text", "nothing");
        }
        return out;
    }

    private static Optional<SuppressionRule> suppression(YamlFields f) throws AlarmConfigException {
        Optional<YamlFields> s = f.object("suppressWhen");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        YamlFields sf = s.get();
        sf.onlyKeys(SUPPRESS_KEYS);
        return Optional.of(new SuppressionRule(tagPath(sf, "tag"), AlarmConditions.discrete(sf)));
    }
}
