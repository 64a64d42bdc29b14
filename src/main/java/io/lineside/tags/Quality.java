package io.lineside.tags;

/**
 * How far a value can be trusted. Only {@link #GOOD} values drive alarms and statistics.
 */
public enum Quality {
    /** Fresh, well-formed and within range. */
    GOOD,
    /** Received, but the source says it is unsure (e.g. a sensor in calibration). */
    UNCERTAIN,
    /** The last message for the tag was unusable; the previous value is not shown as good. */
    BAD,
    /** No update within the expected period, or the broker connection is down. */
    STALE;

    /** Parses the short quality codes publishers send ({@code "good"}, {@code "G"}, ...), or null if unknown. */
    public static Quality fromCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "GOOD", "G", "192" -> GOOD;
            case "UNCERTAIN", "U", "64" -> UNCERTAIN;
            case "BAD", "B", "0" -> BAD;
            case "STALE", "S" -> STALE;
            default -> null;
        };
    }
}
