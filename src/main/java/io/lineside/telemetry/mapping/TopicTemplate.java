package io.lineside.telemetry.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A compiled topic template such as {@code plant/{site}/{area}/{line}/{station}/telemetry} or
 * {@code factory/+/press/{line}/{station}/#}. A level is a literal, an ISA-95 name in braces ({@code {site}},
 * {@code {area}}, {@code {line}}, {@code {station}}, {@code {signal}}) that captures that level, {@code +} (any one
 * level) or a final {@code #} (any number of levels, including none). Immutable and safe from any thread.
 */
public final class TopicTemplate {

    /** The ISA-95 parts in {@link io.lineside.tags.TagPath} order; a capture's index is its position here. */
    public static final List<String> PARTS = List.of("site", "area", "line", "station", "signal");

    private static final int LITERAL = -1;
    private static final int ANY = -2;

    private final String text;
    /** Per level: a part index (0-4), LITERAL or ANY. */
    private final int[] kinds;
    private final String[] literals;
    private final boolean multiLevel;

    private TopicTemplate(String text, int[] kinds, String[] literals, boolean multiLevel) {
        this.text = text;
        this.kinds = kinds;
        this.literals = literals;
        this.multiLevel = multiLevel;
    }

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException naming the level and what was expected
     */
    public static TopicTemplate compile(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a topic template is empty");
        }
        String[] levels = text.split("/", -1);
        List<Integer> kinds = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        boolean multi = false;
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            String where = "level " + (i + 1) + " \"" + level + "\" of \"" + text + "\": ";
            if (level.equals("#")) {
                if (i != levels.length - 1) {
                    throw new IllegalArgumentException(where + "# is only allowed as the last level");
                }
                multi = true;
            } else if (level.equals("+")) {
                kinds.add(ANY);
                literals.add(null);
            } else if (level.startsWith("{") && level.endsWith("}")) {
                int part = PARTS.indexOf(level.substring(1, level.length() - 1));
                if (part < 0) {
                    throw new IllegalArgumentException(where + "expected one of {site} {area} {line} {station} {signal}");
                }
                if (!seen.add(part)) {
                    throw new IllegalArgumentException(where + "{" + PARTS.get(part) + "} appears twice");
                }
                kinds.add(part);
                literals.add(null);
            } else if (level.isEmpty() || level.contains("+") || level.contains("#") || level.contains("{")
                    || level.contains("}") || level.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException(where
                        + "expected a non-empty literal without + # { } or control characters, {name}, + or #");
            } else {
                kinds.add(LITERAL);
                literals.add(level);
            }
        }
        return new TopicTemplate(text, kinds.stream().mapToInt(Integer::intValue).toArray(),
                literals.toArray(String[]::new), multi);
    }

    /** The text it was compiled from. */
    public String text() {
        return text;
    }

    /** True when the template captures {@code part} (index into {@link #PARTS}). */
    public boolean captures(int part) {
        for (int kind : kinds) {
            if (kind == part) {
                return true;
            }
        }
        return false;
    }

    /** The MQTT subscription filter that delivers every topic this template can match. */
    public String subscription() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < kinds.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(kinds[i] == LITERAL ? literals[i] : "+");
        }
        if (multiLevel) {
            out.append(kinds.length == 0 ? "#" : "/#");
        }
        return out.toString();
    }

    /**
     * Matches the topic's {@code levels}; on success writes each captured level into {@code parts} (indexed as
     * {@link #PARTS}) and returns true. On failure {@code parts} may be partly written.
     */
    boolean match(String[] levels, String[] parts) {
        if (multiLevel ? levels.length < kinds.length : levels.length != kinds.length) {
            return false;
        }
        for (int i = 0; i < kinds.length; i++) {
            int kind = kinds[i];
            if (kind == LITERAL) {
                if (!literals[i].equals(levels[i])) {
                    return false;
                }
            } else if (kind >= 0) {
                parts[kind] = levels[i];
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
