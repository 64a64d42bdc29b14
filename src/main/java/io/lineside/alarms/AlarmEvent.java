package io.lineside.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * One journal row: a transition, an acknowledgement, a shelve or unshelve, a suppression, or a condition change
 * while the alarm is hidden (then {@code from == to}).
 *
 * @param area    the ISA-95 area of the alarm's station
 * @param station the alarm's station, {@code site/area/line/station}
 * @param value   the tag's value when it happened, as text ({@code ""} when none)
 * @param user    who did it; {@link #SYSTEM} for the process and timers
 * @param note    the operator's note or the reason ({@code ""} when none)
 * @param message the alarm's English message
 */
public record AlarmEvent(Instant time, String alarmId, AlarmTrigger trigger, AlarmState from, AlarmState to,
                         Priority priority, String area, String station, String tag, String value, String user,
                         String note, String message) {

    /** The user recorded for automatic transitions. */
    public static final String SYSTEM = "system";

    public AlarmEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(priority, "priority");
        area = Objects.requireNonNullElse(area, "");
        station = Objects.requireNonNullElse(station, "");
        tag = Objects.requireNonNullElse(tag, "");
        value = Objects.requireNonNullElse(value, "");
        user = Objects.requireNonNullElse(user, SYSTEM);
        note = Objects.requireNonNullElse(note, "");
        message = Objects.requireNonNullElse(message, "");
    }

    /** True if the operator was shown a new alarm: activation or re-alarm into UNACK. */
    public boolean annunciation() {
        return to == AlarmState.UNACK && from != AlarmState.UNACK
                && (trigger == AlarmTrigger.ACTIVATE || trigger == AlarmTrigger.REALARM);
    }
}
