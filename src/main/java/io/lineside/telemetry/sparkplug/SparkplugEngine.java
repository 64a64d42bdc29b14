package io.lineside.telemetry.sparkplug;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
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
 * (late messages wait up to the reorder timeout, or less when the window would overflow; then the gap is written
 * for every tag of the node, counted, and a rebirth requested), deaths first apply what waits in the window, then
 * turn a node's or device's tags STALE at once, a stale NDEATH (older {@code bdSeq}) is ignored, data before a birth
 * asks for a rebirth instead of guessing aliases, and {@code is_historical} metrics go to history only. Nothing the
 * host was given is dropped silently (decision 0021): what it cannot store (no birth, an undeclared alias) is counted
 * and written as gaps once its tags are known, as is the time our link was down. Rebirth requests are rate-limited
 * per node and overall, and the suppressed ones counted. Every problem is counted in {@link IngestDiagnostics};
 * nothing thrown by bad input leaves {@link #handle}.
 *
 * <p>Not thread-safe: one decoder thread calls everything ({@link SparkplugHost} in production, the test
 * directly). Time comes in as arguments, so tests drive it with a fake clock.
 */
public final class SparkplugEngine {

    private static final System.Logger LOG = System.getLogger(SparkplugEngine.class.getName());

    /** Rebirth requests sent at most in a burst over all nodes (e.g. a flood of unknown ones), then the rate below. */
    static final int REBIRTH_BURST = 100;
    static final int REBIRTHS_PER_SECOND = 20;

    private final SparkplugSettings settings;
    private final PayloadReader reader;
    private final SparkplugSink sink;
    private final CommandPublisher commands;
    private final IngestDiagnostics diagnostics;
    private final Map<NodeKey, EdgeNode> nodes = new HashMap<>();
    private final HostStates hosts = new HostStates();
    private final BirthRegistry births = new BirthRegistry();
    private double rebirthTokens = REBIRTH_BURST;
    private long rebirthTokensAt = Long.MIN_VALUE;

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

    /**
     * Releases messages whose reorder timeout passed, writing and counting each gap and requesting a rebirth; writes
     * the gaps of data a node without a birth has been sending for a while (it may never answer).
     */
    public void tick(Instant now) {
        long millis = now.toEpochMilli();
        for (EdgeNode node : new ArrayList<>(nodes.values())) {
            if (applySteps(node, node.window.expire(millis))) {
                requestRebirth(node, now);
            }
            node.discarded.closeIfOlder(settings.rebirthDebounce().toMillis(), node.allPaths(), millis)
                    .forEach(sink::gap);
        }
    }

    /**
     * Our broker link dropped: what waits in each node's window is applied, every node's tags turn STALE (stamped
     * {@code now}) and every node must be born again before its data is believed (a rebirth is requested when its
     * data comes first); the time until then is a gap of its tags.
     */
    public void connectionLost(Instant now) {
        for (EdgeNode node : nodes.values()) {
            applySteps(node, node.window.flush(now.toEpochMilli()));
            sink.stale(node.allPaths(), now);
            node.die();
            node.discarded.linkLost(now);
            node.rebirthNoLongerPending();
        }
    }

    /** The last STATE each host application published: host id to online. */
    public Map<String, Boolean> hostStates() {
        return hosts.snapshot();
    }

    /** The metrics the current births declare (the tag browser's view of Sparkplug); safe from any thread. */
    public BirthRegistry births() {
        return births;
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
        Instant sent = payload.hasTimestamp() ? Instant.ofEpochMilli(payload.getTimestamp()) : received;
        if (node.isBorn()) {
            applySteps(node, node.window.flush(received.toEpochMilli())); // the old session's, with its aliases
        }
        List<TagPath> before = node.allPaths();
        node.discarded.close(sent, received, before, received.toEpochMilli()).forEach(sink::gap);
        node.birth(bdSeq(payload), (int) payload.getSeq(), sent);
        births.forgetNode(node.key);
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
        applySteps(node, node.window.flush(received.toEpochMilli())); // stored before the node turns stale
        sink.stale(node.allPaths(), received);
        node.die();
        diagnostics.decoded();
    }

    private void sequenced(EdgeNode node, EdgeNode.Pending message) {
        if (!node.isBorn()) {
            discard(node, message);
            requestRebirth(node, message.received());
            return;
        }
        long received = message.received().toEpochMilli();
        SequenceWindow.Offer<EdgeNode.Pending> offer = node.window.offer((int) message.payload().getSeq(), message,
                message.sent().toEpochMilli(), received);
        if (offer.duplicate()) {
            diagnostics.duplicate();
        }
        if (offer.overflowed()) {
            diagnostics.windowOverflow();
        }
        boolean gap = applySteps(node, offer.ready());
        if (message.topic().type() == MessageType.DDEATH && !offer.duplicate()
                && offer.ready().stream().noneMatch(step -> step.message() == message)) {
            gap |= applySteps(node, node.window.flush(received)); // a death waits for no gap: store, then STALE
        }
        if (gap) {
            requestRebirth(node, message.received());
        }
    }

    /** Applies released messages in order, writing each gap before them; true if there was one. */
    private boolean applySteps(EdgeNode node, List<SequenceWindow.Step<EdgeNode.Pending>> steps) {
        boolean gap = false;
        for (SequenceWindow.Step<EdgeNode.Pending> step : steps) {
            if (step.missingBefore() != 0) {
                gap = true;
                seqGap(node, step);
            }
            if (step.late()) {
                diagnostics.lateMessage();
            }
            apply(node, step.message(), step.late() ? TagValue.LATE : 0);
        }
        return gap;
    }

    /** Seqs given up before {@code step}: a gap of every tag of the node (seq counts all its messages). */
    private void seqGap(EdgeNode node, SequenceWindow.Step<EdgeNode.Pending> step) {
        diagnostics.seqGap();
        Instant to = step.message().sent();
        Instant from = node.lastSent == null || node.lastSent.isAfter(to) ? to : node.lastSent;
        long missing = step.missingBefore() == SequenceWindow.UNKNOWN ? -1 : step.missingBefore();
        // The first missing seq as on the wire (0..255), the space the node's samples store their seq in, so a late
        // message inside the gap shrinks it (GapRows.fill). A gap across the wrap (e.g. 250 + 12 missing) keeps
        // first_seq 250; late seqs 0..5 of it do not match and leave the gap as written (decision 0021).
        long firstSeq = missing < 0 ? -1 : Math.floorMod(step.message().payload().getSeq() - missing, 256);
        for (TagPath path : node.allPaths()) {
            sink.gap(new TagGap(path, from, to, missing, firstSeq));
        }
    }

    /**
     * A message of a node (or device) without a birth: its values cannot be stored. They are counted, and become
     * gaps of the tags they concern once those are known (from an earlier birth, the metric's name, or the next birth).
     */
    private void discard(EdgeNode node, EdgeNode.Pending message) {
        String device = message.topic().device();
        long values = 0;
        for (Metric metric : message.payload().getMetricsList()) {
            if (!metric.hasName() || !isControl(metric.getName())) {
                values++;
            }
        }
        if (values == 0) {
            return;
        }
        node.discarded.message(message.sent());
        diagnostics.discardedValues(values);
        for (Metric metric : message.payload().getMetricsList()) {
            if (!metric.hasName() || !isControl(metric.getName())) {
                concerns(node, device, metric);
            }
        }
    }

    private void concerns(EdgeNode node, String device, Metric metric) {
        Long alias = metric.hasAlias() ? metric.getAlias() : null;
        MetricDefinition known = node.find(device, alias, metric.getName());
        TagPath path = known != null ? known.path()
                : metric.hasName() ? settings.mapping().map(node.key.group(), node.key.edge(), device, metric.getName())
                : null;
        if (path != null) {
            node.discarded.concerns(path);
        } else if (alias != null) {
            node.discarded.concernsAlias(alias);
        } else {
            node.discarded.concernsWholeNode();
        }
    }

    /** @param flags {@link TagValue#LATE} for a message released after its gap was given up (history only), or 0 */
    private void apply(EdgeNode node, EdgeNode.Pending message, int flags) {
        Instant sent = message.sent();
        if (node.lastSent == null || sent.isAfter(node.lastSent)) {
            node.lastSent = sent;
        }
        SparkplugTopic topic = message.topic();
        String device = topic.device();
        switch (topic.type()) {
            case DBIRTH -> {
                node.deviceBirth(device);
                births.forgetDevice(node.key, device);
                declare(node, device, message.payload(), message.received());
            }
            case DDEATH -> {
                sink.stale(node.paths(device), message.received());
                node.deviceDeath(device);
            }
            default -> data(node, message, flags);
        }
        diagnostics.decoded();
    }

    private void data(EdgeNode node, EdgeNode.Pending message, int flags) {
        String device = message.topic().device();
        if (!node.isBorn(device)) {
            discard(node, message);
            requestRebirth(node, message.received());
            return;
        }
        boolean unknownAlias = false;
        for (Metric metric : message.payload().getMetricsList()) {
            Long alias = metric.hasAlias() ? metric.getAlias() : null;
            MetricDefinition definition = node.find(device, alias, metric.getName());
            if (definition == null) {
                if (!isControl(metric.getName())) {
                    if (!unknownAlias) {
                        node.discarded.message(message.sent());
                    }
                    unknownAlias = true;
                    diagnostics.unknownTopic(label(node, device, alias != null ? "alias " + alias : metric.getName()));
                    diagnostics.discardedValues(1);
                    concerns(node, device, metric);
                }
                continue;
            }
            emit(definition, metric, message.payload(), message.received(), node, flags);
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
            Long alias = metric.hasAlias() ? metric.getAlias() : null;
            node.declare(definition, alias);
            TagGap inherited = path == null ? null : node.discarded.claim(path, alias, received.toEpochMilli());
            if (inherited != null) {
                sink.gap(inherited); // what this metric sent before its birth could not be stored
            }
            io.lineside.tags.TagMeta meta = MetricProperties.of(metric);
            MetricValues.Result born = MetricValues.convert(metric, metric.getDatatype());
            births.declare(node.key, device, name, metric.getDatatype(), path, meta,
                    born.isBad() || born.unsupported() ? null : born.value(), received);
            if (meta != null && path != null) {
                sink.describe(path, meta); // before its first value, as a mapping's unit and range are
            }
            emit(definition, metric, payload, received, node, 0);
        }
    }

    private void emit(MetricDefinition definition, Metric metric, Payload payload, Instant received, EdgeNode node,
                      int flags) {
        if (definition.path() == null) {
            diagnostics.unknownTopic(label(node, definition.device(), definition.name()));
            MetricValues.Result unmapped = MetricValues.convert(metric, definition.datatype());
            if (!unmapped.isBad() && !unmapped.unsupported()) {
                births.value(node.key, definition.device(), definition.name(), unmapped.value(), received);
            }
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
            value = new TagValue(null, source, received, Quality.BAD, seq, flags);
        } else {
            value = new TagValue(result.value(), source, received, Quality.GOOD, seq, flags);
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
        long millis = now.toEpochMilli();
        if (!node.rebirthDue(millis, settings.rebirthDebounce().toMillis()) || !rebirthToken(millis)) {
            diagnostics.rebirthSuppressed(); // the node asks again on its next message after the debounce
            return;
        }
        if (commands.publish(SparkplugTopic.ncmd(node.key), RebirthCommand.payload(now))) {
            diagnostics.rebirthRequested();
        }
    }

    /** The overall limit: a token bucket of {@link #REBIRTH_BURST}, refilled at {@link #REBIRTHS_PER_SECOND}. */
    private boolean rebirthToken(long millis) {
        if (rebirthTokensAt != Long.MIN_VALUE && millis > rebirthTokensAt) {
            rebirthTokens = Math.min(REBIRTH_BURST, rebirthTokens + (millis - rebirthTokensAt) * REBIRTHS_PER_SECOND / 1000.0);
        }
        rebirthTokensAt = Math.max(millis, rebirthTokensAt);
        if (rebirthTokens < 1) {
            return false;
        }
        rebirthTokens--;
        return true;
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
