package io.lineside.telemetry.sparkplug;

/**
 * A parsed Sparkplug B topic: {@code spBv1.0/<group>/<type>/<edge>[/<device>]}, or {@code spBv1.0/STATE/<host>}.
 * Ids are kept verbatim (they are untrusted data, only compared and mapped, never interpreted).
 *
 * @param group  the group id; null for STATE
 * @param edge   the edge node id, or the host id for STATE
 * @param device the device id, or null for node-level messages and STATE
 */
public record SparkplugTopic(String group, MessageType type, String edge, String device) {

    /** The namespace of Sparkplug B topics. */
    public static final String NAMESPACE = "spBv1.0";
    /** Topic levels longer than this are refused (a topic is at most 64 KiB, an id need not be). */
    static final int MAX_ID_LENGTH = 256;

    /** The node this message belongs to (group and edge id); null for STATE. */
    public NodeKey node() {
        return group == null ? null : new NodeKey(group, edge);
    }

    /** Parses a topic, or returns null when it is not a well-formed Sparkplug B topic. Never throws. */
    public static SparkplugTopic parse(String topic) {
        if (topic == null || !topic.startsWith(NAMESPACE + "/")) {
            return null;
        }
        String[] parts = topic.split("/", -1);
        if (parts.length == 3 && parts[1].equals("STATE")) {
            return valid(parts[2]) ? new SparkplugTopic(null, MessageType.STATE, parts[2], null) : null;
        }
        if (parts.length < 4 || parts.length > 5) {
            return null;
        }
        MessageType type;
        try {
            type = MessageType.valueOf(parts[2]);
        } catch (IllegalArgumentException unknownType) {
            return null;
        }
        boolean hasDevice = parts.length == 5;
        if (type == MessageType.STATE || type.isDevice() != hasDevice) {
            return null;
        }
        if (!valid(parts[1]) || !valid(parts[3]) || (hasDevice && !valid(parts[4]))) {
            return null;
        }
        return new SparkplugTopic(parts[1], type, parts[3], hasDevice ? parts[4] : null);
    }

    /** The NCMD topic of a node (where a rebirth request goes). */
    public static String ncmd(NodeKey node) {
        return NAMESPACE + "/" + node.group() + "/NCMD/" + node.edge();
    }

    private static boolean valid(String id) {
        return !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.indexOf('+') < 0 && id.indexOf('#') < 0;
    }
}
