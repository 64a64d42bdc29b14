package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every metric the current births declare, for the engineers' tag browser: where it comes from, its data type,
 * what its properties say, the tag it maps to (or none), and for an unmapped one its last value (a mapped one's
 * is in the tag store). Bounded at {@link #MAX_METRICS}; the decoder thread writes, any thread reads.
 */
public final class BirthRegistry {

    /** Metrics remembered at most; beyond that new ones are counted, not kept. */
    public static final int MAX_METRICS = 20_000;

    /**
     * One declared metric.
     *
     * @param device   null for a node metric
     * @param datatype the Sparkplug B data type's name ({@code Double}, {@code Int64}, ...)
     * @param path     the tag it maps to, or null when its name makes no tag path (the ingest drops its values)
     * @param meta     what its property set says (unit, range, description), or {@link TagMeta#NONE}
     * @param value    the last value of an unmapped metric (text; empty when none), as the birth or data sent it
     * @param seen     when its last value (or its birth) arrived
     */
    public record BornMetric(String group, String edge, String device, String name, String datatype, TagPath path,
                             TagMeta meta, String value, Instant seen) {

        /** {@code group/edge[/device]/name}: the metric's full Sparkplug address. */
        public String address() {
            return group + "/" + edge + (device == null ? "" : "/" + device) + "/" + name;
        }
    }

    private final Map<String, BornMetric> metrics = new ConcurrentHashMap<>();
    private volatile long notKept;

    void declare(NodeKey node, String device, String name, int datatype, TagPath path, TagMeta meta, Object value,
                 Instant at) {
        BornMetric m = new BornMetric(node.group(), node.edge(), device, name, typeName(datatype), path,
                meta == null ? TagMeta.NONE : meta, value == null ? "" : String.valueOf(value), at);
        if (metrics.size() >= MAX_METRICS && !metrics.containsKey(m.address())) {
            notKept++;
            return;
        }
        metrics.put(m.address(), m);
    }

    /** An unmapped metric's new value. */
    void value(NodeKey node, String device, String name, Object value, Instant at) {
        String key = node.group() + "/" + node.edge() + (device == null ? "" : "/" + device) + "/" + name;
        metrics.computeIfPresent(key, (k, m) -> new BornMetric(m.group(), m.edge(), m.device(), m.name(),
                m.datatype(), m.path(), m.meta(), value == null ? "" : String.valueOf(value), at));
    }

    /** An NBIRTH: the node's and its devices' metrics are declared anew. */
    void forgetNode(NodeKey node) {
        metrics.values().removeIf(m -> m.group().equals(node.group()) && m.edge().equals(node.edge()));
    }

    /** A DBIRTH: the device's metrics are declared anew. */
    void forgetDevice(NodeKey node, String device) {
        metrics.values().removeIf(m -> m.group().equals(node.group()) && m.edge().equals(node.edge())
                && device.equals(m.device()));
    }

    /** The metrics the current births declare, in no particular order. Safe from any thread. */
    public List<BornMetric> metrics() {
        return List.copyOf(metrics.values());
    }

    /** Metrics not kept because the registry was full. */
    public long notKept() {
        return notKept;
    }

    private static final String[] TYPES = {"Unknown", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16",
        "UInt32", "UInt64", "Float", "Double", "Boolean", "String", "DateTime", "Text", "UUID", "DataSet", "Bytes",
        "File", "Template"};

    /** The Sparkplug B 3.0 name of a data type code. */
    static String typeName(int datatype) {
        return datatype >= 0 && datatype < TYPES.length ? TYPES[datatype] : "type " + datatype;
    }
}
