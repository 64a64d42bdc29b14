package io.lineside.stations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What sort of value a signal carries, which decides how a view draws it. */
public enum SignalKind {
    /** A measured quantity: a bar where a range is known, else a number with its unit; trended. */
    ANALOG,
    /** A count that only climbs: shown as a whole number, never as a bar. */
    COUNTER,
    /** A state word (running, open, ...). */
    STATE,
    /** Free text. */
    TEXT,
    /** On or off (1 or 0). */
    BOOLEAN;

    /** Parses a config word ({@code analog}, {@code counter}, ...). */
    public static Optional<SignalKind> parse(String word) {
        String w = word.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(w)).findFirst();
    }

    /** True for the kinds whose value is a number. */
    public boolean numeric() {
        return this == ANALOG || this == COUNTER || this == BOOLEAN;
    }
}
