package io.lineside.replay;

import java.time.Instant;

/**
 * One event the timeline draws and the step buttons stop at.
 *
 * @param time   when
 * @param kind   what happened
 * @param source the alarm id, the tag path, or "" for a lost link
 * @param detail the new state, or the user who acted ("" when none)
 */
public record ReplayMark(Instant time, Kind kind, String source, String detail) {

    /** What a mark stands for; the timeline colours them apart. */
    public enum Kind {
        /** An alarm annunciated (activation or re-alarm). */
        ALARM,
        /** Acknowledged, shelved, suppressed or another operator action on an alarm. */
        OPERATOR,
        /** An alarm's condition returned to normal, or it cleared. */
        RETURN,
        /** A station state (a text tag) changed. */
        STATE,
        /** A tag's quality changed (Bad, Stale and back). */
        QUALITY,
        /** Telemetry was lost for every tag (the broker link). */
        LINK_LOST
    }
}
