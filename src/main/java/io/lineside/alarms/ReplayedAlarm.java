package io.lineside.alarms;

import java.time.Instant;

/**
 * One alarm as it stood at a replayed instant, with who acknowledged or shelved it (the journal's rows say so).
 *
 * @param state        its state then (never NORMAL: a normal alarm is not listed)
 * @param since        when it was last annunciated
 * @param ackedBy      who acknowledged it, when {@code state} is ACKED; else null
 * @param ackedAt      when, with {@code ackedBy}
 * @param shelvedBy    who shelved it, when {@code state} is SHELVED; else null
 * @param shelveReason the reason given, without the engine's "(until …)"
 * @param shelvedUntil when the shelve expires, when shelved
 * @param definition   its configured definition, or null when no longer configured
 */
public record ReplayedAlarm(String id, AlarmState state, Priority priority, String station, String tag,
                            String value, String message, Instant since, String ackedBy, Instant ackedAt,
                            String shelvedBy, String shelveReason, Instant shelvedUntil, AlarmDefinition definition) {
}
