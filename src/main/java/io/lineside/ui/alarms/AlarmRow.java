package io.lineside.ui.alarms;

import io.lineside.alarms.ActiveAlarm;

/**
 * One line of the alarm summary, already in the operator's words.
 *
 * @param alarm the alarm it shows (for commands and the trend)
 * @param group  flood mode: first-out marker and how many alarms of the station it collapses; else empty
 * @param shelve for a shelved alarm: who shelved it, why and until when; else empty
 */
public record AlarmRow(ActiveAlarm alarm, String priority, String time, String station, String message, String value,
                       String state, String group, String shelve) {

    public String id() {
        return alarm.id();
    }
}
