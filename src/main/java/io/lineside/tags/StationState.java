package io.lineside.tags;

import java.util.Locale;

/** The PackML-like state a station reports on its {@code state} signal. */
public enum StationState {
    RUNNING, IDLE, BLOCKED, STARVED, FAULT,
    /** Nothing usable received (absent, unrecognised text, or a BAD value). */
    UNKNOWN;

    /** The state a value names, or UNKNOWN. */
    public static StationState of(TagValue value) {
        if (value == null || !(value.value() instanceof String text)) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "running" -> RUNNING;
            case "idle" -> IDLE;
            case "blocked" -> BLOCKED;
            case "starved" -> STARVED;
            case "fault" -> FAULT;
            default -> UNKNOWN;
        };
    }

    /** True for states that stop production and deserve the operator's attention. */
    public boolean isAbnormal() {
        return this == FAULT || this == BLOCKED || this == STARVED;
    }
}
