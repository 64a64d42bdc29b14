package io.lineside.alarms;

/**
 * What moves an alarm from one {@link AlarmState} to another. The first four come from the process and timers,
 * the rest are commands (or suppression conditions). The journal stores {@link #name()}: never rename one.
 */
public enum AlarmTrigger {
    /** The condition became active (after its on-delay). */
    ACTIVATE,
    /** The condition returned to normal (after its off-delay). */
    CLEAR,
    /** An operator acknowledged it (for a latched alarm: reset it). */
    ACK,
    /** An acknowledged alarm stayed active for its re-alarm time and is annunciated again. */
    REALARM,
    SHELVE,
    /** An operator unshelved it, or its shelve time expired. */
    UNSHELVE,
    SUPPRESS,
    UNSUPPRESS,
    REMOVE_FROM_SERVICE,
    RETURN_TO_SERVICE,
    /**
     * Journal only, never a transition ({@code from == to}): at start-up the alarm's state was restored from the
     * journal (see {@link AlarmEngine#restore}).
     */
    RESTORE,
    /**
     * Journal only, never a transition ({@code from == to}): an operator added a comment (the note) to the alarm, in
     * whatever state it was, acknowledged or not (see {@link AlarmEngine#comment}).
     */
    COMMENT
}
