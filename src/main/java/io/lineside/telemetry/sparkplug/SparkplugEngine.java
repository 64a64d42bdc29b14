package io.lineside.telemetry.sparkplug;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.IngestDiagnostics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * The Sparkplug B host's state machine: births declare metrics and aliases, data is applied in {@code seq} order
 * (late messages wait up to the reorder timeout, then the gap is counted and a rebirth requested), deaths turn a
 * node's or device's tags STALE at once, a stale NDEATH (older {@code bdSeq}) is ignored, data before a birth asks
 * for a rebirth instead of guessing aliases, and {@code is_historical} metrics go to history only. Every problem
 * is counted in {@link IngestDiagnostics}; nothing thrown by bad input leaves {@link #handle}.
 *
 * <p>Not thread-safe: one decoder thread calls everything ({@link SparkplugHost} in production, the test
 * directly). Time comes in as arguments, so tests drive it with a fake clock.
 */
public final class SparkplugEngine {

    private static final System.Logger LOG = System.getLogger(SparkplugEngine.class.getName());

    private final SparkplugSettings settings;
    private final PayloadReader reader;
    private final SparkplugSink sink;
    private final CommandPublisher commands;
    private final IngestDiagnostics diagnostics;
    private final Map<NodeKey, EdgeNode> nodes = new HashMap<>();
    private final HostStates hosts = new HostStates();

    public SparkplugEngine(SparkplugSettings settings, SparkplugSink sink, CommandPublisher commands,
                           IngestDiagnostics diagnostics) {
        this.settings = settings;
        this.reader = new PayloadReader(settings.limits());
        this.sink = sink;
        this.commands = commands;
        this.diagnostics = diagnostics;
    }

    /** One message as received. Never throws. */
    public void handle(String topicText, byte[] payload, Instant received) {
        try {
            dispatch(topicText, payload, received);
        } catch (RuntimeException e) {
            diagnostics.callbackError();
            LOG.log(System.Logger.Level.WARNING, "Sparkplug message on " + MetricNames.quote(topicText) + " failed", e);
        }
    }

    /** A message refused as oversize before it was copied: counted, and its node or device turns BAD. */
    public void oversize(String topicText, Instant received) {
        diagnostics.oversize();
        SparkplugTopic topic = SparkplugTopic.parse(topicText);
        EdgeNode node = topic == null || topic.node() == null ? null : nodes.get(topic.node());
        if (node != null) {
            markBad(node, topic, received);
        }
    }

    /** Releases messages whose reorder timeout passed, counting each gap and requesting a rebirth. */
    public void tick(Instant now) {
        for (EdgeNode node : new ArrayList<>(nodes.values())) {
            List<EdgeNode.Pending> released = node.window.expire(now.toEpochMilli());
            if (released != null) {
                diagnostics.seqGap();
                released.forEach(p -> apply(node, p));
                requestRebirth(node, now);
            }
        }
    }

    /**
     * Our broker link dropped: every node's tags turn STALE (stamped {@code now}) and every node is forgotten, so
     * each must be born again before its data is believed (a rebirth is requested when its data comes first).
     */
    public void connectionLost(Instant now) {
        for (EdgeNode node : nodes.values()) {
            sink.stale(node.allPaths(), now);
        }
        nodes.clear();
    }

    /** The last STATE each host application published: host id to online. */
    public Map<String, Boolean> hostStates() {
        return hosts.snapshot();
    }

    /** How many edge nodes are tracked. */
    public int nodeCount() {
        return nodes.size();
    }

    private void dispatch(String topicText, byte[] bytes, Instant received) {
        SparkplugTopic topic = SparkplugTopic.parse(topicText);
        if (topic == null || (topic.group() != null && !settings.groups().contains(topic.group()))) {
            diagnostics.unknownTopic(String.valueOf(topicText));
            return;
        }
        if (topic.type() == MessageType.STATE) {
            hosts.update(topic.edge(), bytes, settings.limits(), topicText, received, diagnostics);
            return;
        }
        if (topic.type() == MessageType.NCMD || topic.type() == MessageType.DCMD) {
            return; // commands (our own rebirth requests included) are not telemetry
        }
        EdgeNode node = node(topic.node());
        if (node == null) {
            diagnostics.unknownTopic(topicText);
            return;
        }
        if (bytes != null && bytes.length > settings.limits().maxPayloadBytes()) {
            oversize(topicText, received);
            return;
        }
        Payload payload;
        try {
            payload = reader.read(bytes);
            if (topic.type() != MessageType.NDEATH && (!payload.hasSeq() || payload.getSeq() > 255 || payload.getSeq() < 0)) {
                throw new SparkplugDecodeException("seq missing or outside 0..255");
            }
        } catch (SparkplugDecodeException e) {
            diagnostics.parseError(topicText, bytes == null ? new byte[0] : bytes, e.getMessage(), received);
            markBad(node, topic, received);
            if (topic.type() == MessageType.NBIRTH || topic.type() == MessageType.DBIRTH) {
                requestRebirth(node, received);
            }
            return;
        }
        switch (topic.type()) {
            case NBIRTH -> nodeBirth(node, payload, received);
            case NDEATH -> nodeDeath(node, payload, received);
            default -> sequenced(node, new EdgeNode.Pending(topic, payload, received));
        }
    }

    private EdgeNode node(NodeKey key) {
        EdgeNode node = nodes.get(key);
        if (node == null && nodes.size() < settings.maxNodes()) {
            node = new EdgeNode(key, settings.reorderTimeout().toMillis());
            nodes.put(key, node);
        }
        return node;
    }

    private void nodeBirth(EdgeNode node, Payload payload, Instant received) {
        List<TagPath> before = node.allPaths();
        node.birth(bdSeq(payload), (int) payload.getSeq());
        declare(node, null, payload, received);
        before.removeAll(node.allPaths());
        sink.stale(before, received); // metrics the new birth no longer declares
        diagnostics.decoded();
    }

    private void nodeDeath(EdgeNode node, Payload payload, Instant received) {
        if (!node.deathMatches(bdSeq(payload))) {
            diagnostics.ignoredDeath(); // a Will from an older session: the node has been born again since
            return;
        }
        sink.stale(node.allPaths(), received);
        node.die();
        diagnostics.decoded();
    }

    private void sequenced(EdgeNode node, EdgeNode.Pending message) {
        if (!node.isBorn()) {
            requestRebirth(node, message.received());
            return;
        }
        SequenceWindow.Offer<EdgeNode.Pending> offer = node.window.offer((int) message.payload().getSeq(), message,
                message.received().toEpochMilli());
        if (offer.duplicate()) {
            diagnostics.duplicate();
        }
        offer.ready().forEach(p -> apply(node, p));
    }

    private void apply(EdgeNode node, EdgeNode.Pending message) {
        SparkplugTopic topic = message.topic();
        String device = topic.device();
        switch (topic.type()) {
            case DBIRTH -> {
                node.deviceBirth(device);
                declare(node, device, message.payload(), message.received());
            }
            case DDEATH -> {
                sink.stale(node.paths(device), message.received());
                node.deviceDeath(device);
            }
            default -> data(node, message);
        }
        diagnostics.decoded();
    }

    private void data(EdgeNode node, EdgeNode.Pending message) {
        String device = message.topic().device();
        if (!node.isBorn(device)) {
            requestRebirth(node, message.received());
            return;
        }
        boolean unknownAlias = false;
        for (Metric metric : message.payload().getMetricsList()) {
            Long alias = metric.hasAlias() ? metric.getAlias() : null;
            MetricDefinition definition = node.find(device, alias, metric.getName());
            if (definition == null) {
                if (!isControl(metric.getName())) {
                    unknownAlias = true;
                    diagnostics.unknownTopic(label(node, device, alias != null ? "alias " + alias : metric.getName()));
                }
                continue;
            }
            emit(definition, metric, message.payload(), message.received(), node);
        }
        if (unknownAlias) {
            requestRebirth(node, message.received()); // never guess what an undeclared alias means
        }
    }

    private void declare(EdgeNode node, String device, Payload payload, Instant received) {
        for (Metric metric : payload.getMetricsList()) {
            String name = metric.getName();
            if (!metric.hasName() || isControl(name)) {
                continue;
            }
            TagPath path = settings.mapping().map(node.key.group(), node.key.edge(), device, name);
            MetricDefinition definition = new MetricDefinition(device, name, metric.getDatatype(), path);
            node.declare(definition, metric.hasAlias() ? metric.getAlias() : null);
            emit(definition, metric, payload, received, node);
        }
    }

    private void emit(MetricDefinition definition, Metric metric, Payload payload, Instant received, EdgeNode node) {
        if (definition.path() == null) {
            diagnostics.unknownTopic(label(node, definition.device(), definition.name()));
            return;
        }
        MetricValues.Result result = metric.hasDatatype() && metric.getDatatype() != definition.datatype()
                ? MetricValues.Result.bad("data type " + metric.getDatatype() + " differs from the birth's "
                        + definition.datatype())
                : MetricValues.convert(metric, definition.datatype());
        if (result.unsupported()) {
            return;
        }
        long time = metric.hasTimestamp() ? metric.getTimestamp()
                : payload.hasTimestamp() ? payload.getTimestamp() : received.toEpochMilli();
        Instant source = Instant.ofEpochMilli(time);
        long seq = payload.hasSeq() ? payload.getSeq() : -1;
        TagValue value;
        if (result.isBad()) {
            diagnostics.badValue();
            value = new TagValue(null, source, received, Quality.BAD, seq);
        } else {
            value = new TagValue(result.value(), source, received, Quality.GOOD, seq);
        }
        TagUpdate update = new TagUpdate(definition.path(), value);
        if (metric.getIsHistorical()) {
            sink.historical(update);
        } else {
            sink.live(update);
        }
    }

    private void markBad(EdgeNode node, SparkplugTopic topic, Instant received) {
        List<TagPath> paths = topic.device() != null ? node.paths(topic.device()) : node.allPaths();
        for (TagPath path : paths) {
            sink.live(new TagUpdate(path, new TagValue(null, received, received, Quality.BAD, -1)));
        }
    }

    private void requestRebirth(EdgeNode node, Instant now) {
        if (!node.rebirthDue(now.toEpochMilli(), settings.rebirthDebounce().toMillis())) {
            return;
        }
        if (commands.publish(SparkplugTopic.ncmd(node.key), RebirthCommand.payload(now))) {
            diagnostics.rebirthRequested();
        }
    }

    private static Long bdSeq(Payload payload) {
        for (Metric metric : payload.getMetricsList()) {
            if ("bdSeq".equals(metric.getName())) {
                return metric.hasLongValue() ? metric.getLongValue()
                        : metric.hasIntValue() ? Integer.toUnsignedLong(metric.getIntValue()) : null;
            }
        }
        return null;
    }

    private static boolean isControl(String name) {
        return name.equals("bdSeq") || name.startsWith("Node Control/") || name.startsWith("Device Control/");
    }

    private static String label(EdgeNode node, String device, String metric) {
        return "sparkplug " + node.key + (device == null ? "" : "/" + device) + ": " + metric;
    }
}
