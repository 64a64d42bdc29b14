package io.lineside.shifts;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One shift of a calendar in wall-clock terms; a shift whose end is not after its start ends the next day.
 *
 * @param name  e.g. {@code night}
 * @param start local start time
 * @param end   local end time
 * @param crew  the crew that works it (e.g. {@code C}), or empty when the plant does not name crews
 */
public record ShiftDefinition(String name, LocalTime start, LocalTime end, String crew) {

    public ShiftDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        crew = crew == null ? "" : crew;
    }

    /** True when the shift ends on the day after it starts (22:00–06:00, or a 24 h shift 06:00–06:00). */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }
}
