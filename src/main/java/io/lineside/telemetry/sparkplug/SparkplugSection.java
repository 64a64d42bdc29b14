package io.lineside.telemetry.sparkplug;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Problems are a {@link ConfigException} naming the file, the line, the key and what was expected.
 */
public final class SparkplugSection {

    private static final Set<String> KEYS = Set.of("groups", "hostId", "primaryHost", "reorderTimeoutMs",
            "rebirthDebounceSeconds", "maxPayloadKiB", "mapping");
    private static final Set<String> MAPPING_KEYS = Set.of("site", "area", "line", "station", "signal");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String ID_RULE = "1-64 of A-Z a-z 0-9 _ . -";

    private SparkplugSection() {
    }

    /** The settings of the {@code sparkplug} node, or empty when the file has none. */
    public static Optional<SparkplugSettings> read(ConfigNode node) throws ConfigException {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        node.mapping(KEYS);
        List<String> groups = groups(node.get("groups"));
        ConfigNode hostIdNode = node.get("hostId");
        String hostId = hostIdNode.optionalText().orElse("lineside-host");
        if (!ID.matcher(hostId).matches()) {
            throw hostIdNode.error(ID_RULE);
        }
        boolean primaryHost = node.get("primaryHost").bool(false);
        Duration reorder = Duration.ofMillis(node.get("reorderTimeoutMs").optionalInt(100, 60_000)
                .orElse((int) SparkplugSettings.DEFAULT_REORDER_TIMEOUT.toMillis()));
        Duration debounce = Duration.ofSeconds(node.get("rebirthDebounceSeconds").optionalInt(1, 3_600)
                .orElse((int) SparkplugSettings.DEFAULT_REBIRTH_DEBOUNCE.toSeconds()));
        SparkplugLimits d = SparkplugLimits.DEFAULT;
        int maxBytes = node.get("maxPayloadKiB").optionalInt(1, 10_240).map(k -> k * 1024).orElse(d.maxPayloadBytes());
        SparkplugLimits limits = new SparkplugLimits(maxBytes, d.maxMetrics(), d.maxDataSetRows(), d.maxStringLength(),
                d.maxDepth());
        return Optional.of(new SparkplugSettings(groups, hostId, primaryHost, mapping(node.get("mapping")), limits, reorder,
                debounce, SparkplugSettings.DEFAULT_MAX_NODES));
    }

    private static List<String> groups(ConfigNode node) throws ConfigException {
        if (!node.isList() || node.items().isEmpty()) {
            throw node.error("a list of Sparkplug group ids, e.g. [plant1]");
        }
        List<String> groups = new ArrayList<>();
        for (ConfigNode item : node.items()) {
            if (!item.isText() || !ID.matcher(item.text()).matches()) {
                throw item.error("a group id of " + ID_RULE);
            }
            groups.add(item.text());
        }
        return groups;
    }

    private static TagMapping mapping(ConfigNode node) throws ConfigException {
        if (node.isEmpty()) {
            return TagMapping.DEFAULT;
        }
        node.mapping(MAPPING_KEYS);
        TagMapping d = TagMapping.DEFAULT;
        try {
            return new TagMapping(node.get("site").optionalText().orElse(d.site()),
                    node.get("area").optionalText().orElse(d.area()), node.get("line").optionalText().orElse(d.line()),
                    node.get("station").optionalText().orElse(d.station()),
                    node.get("signal").optionalText().orElse(d.signal()));
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
    }
}
