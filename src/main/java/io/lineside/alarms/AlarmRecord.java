package io.lineside.alarms;

import java.time.Instant;

/** The live state of one alarm. Mutable; confined to the engine's evaluator thread. */
final class AlarmRecord {

    final AlarmDefinition definition;
    AlarmState state = AlarmState.NORMAL;
    /** The debounced condition (after on-/off-delay). */
    boolean conditionActive;
    /** The raw condition from the last known evaluation, and since when it has been so. */
    boolean rawActive;
    Instant rawSince;
    /** The last evaluation could not tell (input BAD, STALE or UNCERTAIN): the alarm holds. */
    boolean uncertain;
    Instant lastAnnunciation;
    /** When the current acknowledged period began (ack or re-alarm); the re-alarm timer runs from it. */
    Instant ackedAt;
    Instant shelvedUntil;
    boolean oneShotShelve;
    boolean suppressedByCondition;
    boolean suppressedByUser;
    boolean outOfService;
    /** Annunciation times within the flood window, for collapsing repeats. */
    final java.util.ArrayDeque<Instant> annunciations = new java.util.ArrayDeque<>();
    String lastValue = "";

    AlarmRecord(AlarmDefinition definition, Instant start) {
        this.definition = definition;
        this.rawSince = start;
    }

    AlarmStateMachine.Context context() {
        return new AlarmStateMachine.Context(conditionActive, definition.latching(), oneShotShelve);
    }

    boolean suppressed() {
        return suppressedByCondition || suppressedByUser;
    }
}
