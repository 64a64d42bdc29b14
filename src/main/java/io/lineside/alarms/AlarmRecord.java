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
    /** How many of its inputs the evaluator is behind on (their updates were coalesced): shown uncertain, not held. */
    int delayedInputs;
    /** The time of its last journalled event, so a late evaluation never journals before it. */
    Instant lastEvent;
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
    /** The input's value when the condition last became active. */
    String tripValue = "";
    /** Restored from the journal at start-up, not yet confirmed by a fresh evaluation. */
    boolean restored;

    AlarmRecord(AlarmDefinition definition, Instant start) {
        this.definition = definition;
        this.rawSince = start;
    }

    /** This alarm's live state under a changed definition (same id): state, timers and counts carried over. */
    AlarmRecord withDefinition(AlarmDefinition changed) {
        AlarmRecord r = new AlarmRecord(changed, rawSince);
        r.state = state;
        r.conditionActive = conditionActive;
        r.rawActive = rawActive;
        r.uncertain = uncertain;
        r.delayedInputs = delayedInputs;
        r.lastEvent = lastEvent;
        r.lastAnnunciation = lastAnnunciation;
        r.ackedAt = ackedAt;
        r.shelvedUntil = shelvedUntil;
        r.oneShotShelve = oneShotShelve;
        r.suppressedByCondition = suppressedByCondition;
        r.suppressedByUser = suppressedByUser;
        r.outOfService = outOfService;
        r.annunciations.addAll(annunciations);
        r.lastValue = lastValue;
        r.tripValue = tripValue;
        r.restored = restored;
        return r;
    }

    AlarmStateMachine.Context context() {
        return new AlarmStateMachine.Context(conditionActive, definition.latching(), oneShotShelve);
    }

    boolean suppressed() {
        return suppressedByCondition || suppressedByUser;
    }

    /** The picture of {@code records} at {@code now}; forgets annunciations that left the flood window. */
    static AlarmSnapshot snapshot(java.util.Collection<AlarmRecord> records, Instant now, boolean inFlood) {
        Instant horizon = now.minus(FloodDetector.WINDOW);
        java.util.List<ActiveAlarm> shown = new java.util.ArrayList<>();
        int uncertain = 0;
        int shelved = 0;
        int suppressed = 0;
        int outOfService = 0;
        for (AlarmRecord r : records) {
            while (!r.annunciations.isEmpty() && !r.annunciations.peekFirst().isAfter(horizon)) {
                r.annunciations.removeFirst();
            }
            uncertain += r.uncertain || r.delayedInputs > 0 ? 1 : 0;
            shelved += r.state == AlarmState.SHELVED ? 1 : 0;
            suppressed += r.state == AlarmState.SUPPRESSED ? 1 : 0;
            outOfService += r.state == AlarmState.OUT_OF_SERVICE ? 1 : 0;
            if (r.state.annunciated()) {
                shown.add(r.view(now));
            }
        }
        return AlarmSnapshot.build(now, shown, inFlood, uncertain, shelved, suppressed, outOfService);
    }

    private ActiveAlarm view(Instant now) {
        AlarmDefinition d = definition;
        return new ActiveAlarm(d.id(), state, d.priority(), d.station().toString(), d.tag().toString(), lastValue,
                lastAnnunciation == null ? now : lastAnnunciation, Math.max(1, annunciations.size()),
                uncertain || delayedInputs > 0, d, tripValue, restored);
    }
}
