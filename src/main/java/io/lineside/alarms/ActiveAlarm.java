package io.lineside.alarms;

import java.time.Instant;

/**
 * One alarm as the banner and summary show it.
 *
 * @param since     when it was last annunciated
 * @param repeats   annunciations within the flood window (a chattering alarm shows once with this count)
 * @param uncertain its inputs are BAD/STALE/UNCERTAIN (the shown state is held, not current), or its evaluation
 *                  runs behind (updates coalesced)
 */
public record ActiveAlarm(String id, AlarmState state, Priority priority, String station, String tag, String value,
                          Instant since, int repeats, boolean uncertain, AlarmDefinition definition) {
}
