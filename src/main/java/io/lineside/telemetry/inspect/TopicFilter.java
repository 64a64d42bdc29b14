package io.lineside.telemetry.inspect;

/**
 * An MQTT topic filter ({@code +} one level, {@code #} the rest) for choosing what the inspector captures.
 * Immutable; safe from any thread.
 */
public record TopicFilter(String text) {

    /** Every topic. */
    public static final TopicFilter ALL = new TopicFilter("#");

    /** @throws IllegalArgumentException with what is wrong, when {@code text} is not a valid MQTT filter */
    public TopicFilter {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a topic filter must not be empty");
        }
        String[] levels = text.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new IllegalArgumentException("'#' must be a whole level and the last one: " + text);
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("'+' must be a whole level: " + text);
            }
        }
    }

    /** The filter typed by a user; blank means every topic. */
    public static TopicFilter parse(String typed) {
        return typed == null || typed.isBlank() ? ALL : new TopicFilter(typed.strip());
    }

    /** True when {@code topic} is one this filter selects. */
    public boolean matches(String topic) {
        String[] want = text.split("/", -1);
        String[] have = topic.split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("#")) {
                return i > 0 || !topic.startsWith("$"); // as brokers do: '#' alone does not match $SYS topics
            }
            if (i >= have.length || (!want[i].equals("+") && !want[i].equals(have[i]))) {
                return false;
            }
        }
        return want.length == have.length && !(want[0].equals("+") && topic.startsWith("$"));
    }
}
