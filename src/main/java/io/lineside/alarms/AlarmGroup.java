package io.lineside.alarms;

import java.util.List;

/**
 * The annunciated alarms of one station during a flood: the first-out (the earliest, most likely the cause) and the
 * rest, newest first.
 */
public record AlarmGroup(String station, ActiveAlarm firstOut, List<ActiveAlarm> others) {

    public AlarmGroup {
        others = List.copyOf(others);
    }

    /** How many alarms the group collapses. */
    public int size() {
        return 1 + others.size();
    }
}
