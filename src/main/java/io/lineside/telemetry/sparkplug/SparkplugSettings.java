package io.lineside.telemetry.sparkplug;

import java.time.Duration;
import java.util.List;

/**
 * How the Sparkplug host behaves (the {@code sparkplug:} section of the station config).
 *
 * @param groups          the Sparkplug group ids subscribed to ({@code spBv1.0/<group>/#} each)
 * @param hostId          this host application's id (its STATE topic when primary)
 * @param primaryHost     false (the default): we only watch other hosts' STATE; true: we publish our own
 *                        {@code spBv1.0/STATE/<hostId>} birth on connect, with a Will for the death (Sparkplug 3.0)
 * @param mapping         group/edge/device/metric name to ISA-95 tag path
 * @param limits          payload caps
 * @param reorderTimeout  how long an out-of-order message waits for the missing one before the gap counts
 * @param rebirthDebounce at most one rebirth request per node within this time
 * @param maxNodes        edge nodes tracked at most; messages of further ones are counted as unknown
 */
public record SparkplugSettings(List<String> groups, String hostId, boolean primaryHost, TagMapping mapping,
                                SparkplugLimits limits, Duration reorderTimeout, Duration rebirthDebounce,
                                int maxNodes) {

    public static final Duration DEFAULT_REORDER_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REBIRTH_DEBOUNCE = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_NODES = 10_000;

    public SparkplugSettings {
        groups = List.copyOf(groups);
    }

    /** The defaults for these groups. */
    public static SparkplugSettings defaults(List<String> groups, String hostId) {
        return new SparkplugSettings(groups, hostId, false, TagMapping.DEFAULT, SparkplugLimits.DEFAULT,
                DEFAULT_REORDER_TIMEOUT, DEFAULT_REBIRTH_DEBOUNCE, DEFAULT_MAX_NODES);
    }

    /** The topic filters to subscribe to: every configured group, and every host's STATE. */
    public List<String> subscriptions() {
        List<String> filters = new java.util.ArrayList<>();
        groups.forEach(g -> filters.add(SparkplugTopic.NAMESPACE + "/" + g + "/#"));
        filters.add(SparkplugTopic.NAMESPACE + "/STATE/#");
        return filters;
    }
}
