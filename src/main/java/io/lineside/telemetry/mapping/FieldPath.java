package io.lineside.telemetry.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a JSON object: dotted names ({@code values.temperature}) or a JSON Pointer
 * ({@code /values/temperature}, with {@code ~1} for {@code /} and {@code ~0} for {@code ~}). Only object members
 * are addressed, never array elements. Immutable.
 *
 * @param names the member names from the root down, at least one
 */
public record FieldPath(List<String> names) {

    /** Deepest path accepted; the decoder's nesting limit is a little above it. */
    static final int MAX_DEPTH = 6;

    public FieldPath {
        names = List.copyOf(names);
        if (names.isEmpty() || names.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("a field path needs 1 to " + MAX_DEPTH + " names, has " + names.size());
        }
    }

    /**
     * Parses dotted or JSON Pointer syntax.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a field path is empty");
        }
        List<String> names = new ArrayList<>();
        if (text.startsWith("/")) {
            for (String token : text.substring(1).split("/", -1)) {
                names.add(token.replace("~1", "/").replace("~0", "~"));
            }
        } else {
            names.addAll(List.of(text.split("\\.", -1)));
        }
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("field path \"" + text + "\" has an empty name"
                    + " (expected a.b.c or /a/b/c)");
        }
        return new FieldPath(names);
    }

    @Override
    public String toString() {
        return String.join(".", names);
    }
}
