package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the host knows of one edge node: whether it is born and under which {@code bdSeq}, the metrics its births
 * declared (by alias and by name, aliases being unique across the node and its devices), which devices are born,
 * the {@code seq} reorder window, what could not be stored, and when a rebirth was last requested. Definitions
 * outlive a death or a lost link (only a birth replaces them), so data discarded meanwhile names its tags. Not thread-safe: owned by the decoder thread.
 */
final class EdgeNode {

    /** A message waiting in the reorder window. */
    record Pending(SparkplugTopic topic, org.eclipse.tahu.protobuf.SparkplugBProto.Payload payload,
                   java.time.Instant received) {

        /** When the edge node sent it: the payload's timestamp, else when it was received. */
        java.time.Instant sent() {
            return payload.hasTimestamp() ? java.time.Instant.ofEpochMilli(payload.getTimestamp()) : received;
        }
    }

    final NodeKey key;
    final SequenceWindow<Pending> window;
    /** What this node sent that could not be stored, until it is written as gaps. */
    final DiscardedData discarded = new DiscardedData();
    /** When the last message applied in order was sent: where a seq gap starts. */
    java.time.Instant lastSent;
    private final Map<Long, MetricDefinition> byAlias = new HashMap<>();
    private final Map<String, MetricDefinition> byName = new HashMap<>(); // key: device + '\0' + name
    private final Set<String> bornDevices = new HashSet<>();
    private boolean born;
    private Long bdSeq;
    private long lastRebirthMillis = Long.MIN_VALUE;

    EdgeNode(NodeKey key, long reorderTimeoutMillis) {
        this.key = key;
        this.window = new SequenceWindow<>(reorderTimeoutMillis);
    }

    /**
     * An NBIRTH sent at {@code sent}: forgets every metric and device, then starts counting {@code seq} from the
     * birth's. The caller flushes the reorder window first.
     */
    void birth(Long bdSeq, int seq, java.time.Instant sent) {
        byAlias.clear();
        byName.clear();
        bornDevices.clear();
        this.bdSeq = bdSeq;
        born = true;
        window.reset(seq, sent.toEpochMilli());
        lastSent = sent;
    }

    /** A DBIRTH: replaces what the device had declared. */
    void deviceBirth(String device) {
        forgetDevice(device);
        bornDevices.add(device);
    }

    void declare(MetricDefinition definition, Long alias) {
        if (alias != null) {
            byAlias.put(alias, definition);
        }
        byName.put(nameKey(definition.device(), definition.name()), definition);
    }

    /** The definition a data message's metric refers to (by alias, else by name) within its device, or null. */
    MetricDefinition find(String device, Long alias, String name) {
        MetricDefinition found = alias != null ? byAlias.get(alias) : byName.get(nameKey(device, name));
        return found != null && Objects.equals(found.device(), device) ? found : null;
    }

    /** True when an NDEATH with this bdSeq ends the current session (a stale one from an older session does not). */
    boolean deathMatches(Long deathBdSeq) {
        return born && Objects.equals(bdSeq, deathBdSeq);
    }

    /** The node is dead (or we lost track): data must wait for the next birth. */
    void die() {
        born = false;
        bornDevices.clear();
    }

    /** A DDEATH: the device's metrics are forgotten until its next birth. */
    void deviceDeath(String device) {
        bornDevices.remove(device);
    }

    boolean isBorn() {
        return born;
    }

    boolean isBorn(String device) {
        return born && (device == null || bornDevices.contains(device));
    }

    /** Every mapped tag of the node's own metrics and of all its devices. */
    List<TagPath> allPaths() {
        return paths(null, true);
    }

    /** Every mapped tag of one device (or of the node's own metrics when {@code device} is null). */
    List<TagPath> paths(String device) {
        return paths(device, false);
    }

    /** The next rebirth may be requested at once (our link came back: whatever was asked before is moot). */
    void rebirthNoLongerPending() {
        lastRebirthMillis = Long.MIN_VALUE;
    }

    /** True when a rebirth may be requested now: none was in the last {@code debounceMillis}. */
    boolean rebirthDue(long nowMillis, long debounceMillis) {
        if (lastRebirthMillis != Long.MIN_VALUE && nowMillis - lastRebirthMillis < debounceMillis) {
            return false;
        }
        lastRebirthMillis = nowMillis;
        return true;
    }

    private List<TagPath> paths(String device, boolean all) {
        List<TagPath> out = new ArrayList<>();
        for (MetricDefinition definition : byName.values()) {
            if (definition.path() != null && (all || Objects.equals(definition.device(), device))) {
                out.add(definition.path());
            }
        }
        return out;
    }

    private void forgetDevice(String device) {
        byName.values().removeIf(d -> device.equals(d.device()));
        byAlias.values().removeIf(d -> device.equals(d.device()));
    }

    private static String nameKey(String device, String name) {
        return (device == null ? "" : device) + '\0' + name;
    }
}
