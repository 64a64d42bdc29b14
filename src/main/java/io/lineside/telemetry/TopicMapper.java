package io.lineside.telemetry;

import io.lineside.tags.TagPath;

/**
 * Maps {@code <prefix>/<site>/<area>/<line>/<station>/<signal>} topics to tag paths. Safe from any thread.
 */
public final class TopicMapper {

    private final String prefix;

    public TopicMapper(String prefix) {
        this.prefix = prefix + "/";
    }

    /** The first topic level, without the slash. */
    public String prefix() {
        return prefix.substring(0, prefix.length() - 1);
    }

    /** The subscription that covers every mapped topic. */
    public String subscription() {
        return prefix + "#";
    }

    /** The tag a topic addresses, or null when the topic is not ours or a segment is not a valid name. */
    public TagPath map(String topic) {
        if (topic == null || !topic.startsWith(prefix)) {
            return null;
        }
        String[] parts = topic.substring(prefix.length()).split("/", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            return new TagPath(parts[0], parts[1], parts[2], parts[3], parts[4]);
        } catch (IllegalArgumentException invalidName) {
            return null;
        }
    }

    /** The topic a tag is published on (used by the simulator and tests). */
    public String topicOf(TagPath path) {
        return prefix + path;
    }
}
