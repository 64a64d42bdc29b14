package io.lineside.alarms;

import java.time.Instant;

/**
 * One alarm as the banner and summary show it.
 *
 * @param since     when it was last annunciated
 * @param repeats   annunciations within the flood window (a chattering alarm shows once with this count)
 * @param uncertain its inputs are BAD/STALE/UNCERTAIN (the shown state is held, not current), or its evaluation
 *                  runs behind (updates coalesced)
 * @param tripValue the input's value when the condition last became active ("" if not known, e.g. restored)
 * @param restored  the state was restored from the journal at start-up and no fresh value has confirmed it yet
 */
public record ActiveAlarm(String id, AlarmState state, Priority priority, String station, String tag, String value,
                          Instant since, int repeats, boolean uncertain, AlarmDefinition definition,
                          String tripValue, boolean restored) {

    public ActiveAlarm {
        tripValue = tripValue == null ? "" : tripValue;
    }

    /** An alarm with no trip value known and not restored. */
    public ActiveAlarm(String id, AlarmState state, Priority priority, String station, String tag, String value,
                       Instant since, int repeats, boolean uncertain, AlarmDefinition definition) {
        this(id, state, priority, station, tag, value, since, repeats, uncertain, definition, "", false);
    }
}
