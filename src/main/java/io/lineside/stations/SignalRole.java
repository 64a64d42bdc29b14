package io.lineside.stations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The meanings the HMI gives a station's signals: one vocabulary for every view instead of signal-name literals.
 * A signal without a configured role takes one by convention when its name is the role's conventional name (the
 * names the simulator and the default topic layout have always used), so an undescribed plant keeps working.
 */
public enum SignalRole {
    /** The station's state word (running, idle, fault, ...): the tile's colour, the state timeline. */
    STATE("state"),
    /** Good parts made: a counter, shown as a count, never as a bar. */
    GOOD_COUNT("cycles"),
    /** Scrapped parts: a counter shown beside the good ones. */
    SCRAP_COUNT("scrap"),
    /** The station's rate of work (parts or strokes per unit of time). */
    SPEED("speed");

    private final String conventionalName;

    SignalRole(String conventionalName) {
        this.conventionalName = conventionalName;
    }

    /** The signal name that takes this role when nothing is configured, e.g. {@code cycles} for GOOD_COUNT. */
    public String conventionalName() {
        return conventionalName;
    }

    /** The role a signal of this name takes by convention, if any. */
    public static Optional<SignalRole> byConvention(String signal) {
        return Arrays.stream(values()).filter(r -> r.conventionalName.equals(signal)).findFirst();
    }

    /** Parses a config word: {@code state}, {@code good-count}, {@code GOOD_COUNT}, {@code scrap-count}, {@code speed}. */
    public static Optional<SignalRole> parse(String word) {
        String w = word.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(w)).findFirst();
    }

    /** The config word, e.g. {@code good-count}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
