package io.lineside.alarms;

import java.util.Locale;

/** How urgently an operator must respond, highest first; the ordinal order is the display order. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW,
    /** For maintenance and engineers; not counted in the operator's priority mix. */
    DIAGNOSTIC;

    /** The display and config name: {@code Critical}, {@code High}, ... */
    public String displayName() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * True if acknowledging an alarm of this priority needs a note: High and Critical (RELIABILITY.md scenario 29).
     * The one rule: the engine enforces it, the commands and the command panel ask it first for their messages.
     */
    public boolean acknowledgementNeedsNote() {
        return compareTo(HIGH) <= 0;
    }

    /** The priority a config names (case-insensitive), or null if it names none. */
    public static Priority fromName(String name) {
        if (name == null) {
            return null;
        }
        for (Priority p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        return null;
    }
}
