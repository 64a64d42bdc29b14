package io.lineside.shifts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One worked shift: a definition placed on a date, resolved to instants {@code [start, end)} in the calendar's zone.
 *
 * @param definition the shift
 * @param date       the local date the shift starts on (the night shift of the 25th ends on the 26th)
 * @param start      first instant of the shift
 * @param end        first instant after the shift
 * @param zone       the zone its wall-clock times are in
 */
public record ShiftPeriod(ShiftDefinition definition, LocalDate date, Instant start, Instant end, ZoneId zone) {

    /** Real elapsed time: 7 h for a 22–06 shift on a spring-forward night, 9 h on a fall-back night. */
    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** A stable key such as {@code 2026-11-25/night}, used in file names and remembered state. */
    public String key() {
        return date + "/" + definition.name();
    }
}
