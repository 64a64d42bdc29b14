package io.lineside.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineside.telemetry.sparkplug.SparkplugLimits;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.telemetry.sparkplug.TagMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code sparkplug:} section of a workstation config:
 * <pre>
 * sparkplug:
 *   groups: [plant1]              # required: Sparkplug group ids to subscribe to
 *   hostId: lineside-ws1          # default lineside-host
 *   primaryHost: false            # true: publish STATE birth/Will as a primary host; false: watch only
 *   reorderTimeoutMs: 2000        # 100..60000
 *   rebirthDebounceSeconds: 5     # 1..3600
 *   maxPayloadKiB: 256            # 1..10240
 *   mapping: {site: "{group}", area: "{edge}", line: "{device:node}", station: "{head:main}", signal: "{m-1}"}
 * </pre>
 * Problems are a {@link ConfigException} naming the file, the key and what was expected.
 */
final class SparkplugSection {

    private static final Set<String> KEYS = Set.of("groups", "hostId", "primaryHost", "reorderTimeoutMs",
            "rebirthDebounceSeconds", "maxPayloadKiB", "mapping");
    private static final Set<String> MAPPING_KEYS = Set.of("site", "area", "line", "station", "signal");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String ID_RULE = "1-64 of A-Z a-z 0-9 _ . -";

    private final Path file;

    SparkplugSection(Path file) {
        this.file = file;
    }

    /** The settings, or empty when the file has no {@code sparkplug} key. */
    Optional<SparkplugSettings> read(JsonNode root) throws ConfigException {
        JsonNode node = root.get("sparkplug");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw error("", "a mapping with " + String.join(", ", new TreeSet<>(KEYS)), describe(node));
        }
        onlyKeys(node, "", KEYS);
        List<String> groups = groups(node.get("groups"));
        String hostId = text(node, "hostId").orElse("lineside-host");
        if (!ID.matcher(hostId).matches()) {
            throw error("hostId", ID_RULE, describe(node.get("hostId")));
        }
        JsonNode primary = node.get("primaryHost");
        if (primary != null && !primary.isNull() && !primary.isBoolean()) {
            throw error("primaryHost", "true or false", describe(primary));
        }
        boolean primaryHost = primary != null && primary.booleanValue();
        Duration reorder = Duration.ofMillis(integer(node, "reorderTimeoutMs", 100, 60_000)
                .orElse((int) SparkplugSettings.DEFAULT_REORDER_TIMEOUT.toMillis()));
        Duration debounce = Duration.ofSeconds(integer(node, "rebirthDebounceSeconds", 1, 3_600)
                .orElse((int) SparkplugSettings.DEFAULT_REBIRTH_DEBOUNCE.toSeconds()));
        SparkplugLimits d = SparkplugLimits.DEFAULT;
        int maxBytes = integer(node, "maxPayloadKiB", 1, 10_240).map(k -> k * 1024).orElse(d.maxPayloadBytes());
        SparkplugLimits limits = new SparkplugLimits(maxBytes, d.maxMetrics(), d.maxDataSetRows(), d.maxStringLength(),
                d.maxDepth());
        return Optional.of(new SparkplugSettings(groups, hostId, primaryHost, mapping(node.get("mapping")), limits, reorder,
                debounce, SparkplugSettings.DEFAULT_MAX_NODES));
    }

    private List<String> groups(JsonNode node) throws ConfigException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw error("groups", "a list of Sparkplug group ids, e.g. [plant1]", describe(node));
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || !ID.matcher(item.asText()).matches()) {
                throw error("groups[" + i + "]", "a group id of " + ID_RULE, describe(item));
            }
            groups.add(item.asText());
        }
        return groups;
    }

    private TagMapping mapping(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return TagMapping.DEFAULT;
        }
        if (!node.isObject()) {
            throw error("mapping", "a mapping with " + String.join(", ", new TreeSet<>(MAPPING_KEYS)), describe(node));
        }
        onlyKeys(node, "mapping.", MAPPING_KEYS);
        TagMapping d = TagMapping.DEFAULT;
        try {
            return new TagMapping(text(node, "site").orElse(d.site()), text(node, "area").orElse(d.area()),
                    text(node, "line").orElse(d.line()), text(node, "station").orElse(d.station()),
                    text(node, "signal").orElse(d.signal()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + file + ": key 'sparkplug.mapping': " + e.getMessage());
        }
    }

    private void onlyKeys(JsonNode node, String prefix, Set<String> allowed) throws ConfigException {
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException("config " + file + ": unknown key 'sparkplug." + prefix + key
                        + "'; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private Optional<String> text(JsonNode node, String key) throws ConfigException {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isTextual() || child.asText().isBlank()) {
            throw error(key, "a non-empty string", describe(child));
        }
        return Optional.of(child.asText().strip());
    }

    private Optional<Integer> integer(JsonNode node, String key, int min, int max) throws ConfigException {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isIntegralNumber() || child.asLong() < min || child.asLong() > max) {
            throw error(key, "a whole number from " + min + " to " + max, describe(child));
        }
        return Optional.of(child.asInt());
    }

    private ConfigException error(String key, String expected, String found) {
        String name = key.isEmpty() ? "sparkplug" : "sparkplug." + key;
        return new ConfigException("config " + file + ": key '" + name + "': expected " + expected + ", found " + found);
    }

    private static String describe(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        if (n.isTextual()) {
            String s = n.asText();
            return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
        }
        return n.isContainerNode() ? (n.isArray() ? "a list" : "a mapping") : n.toString();
    }
}
