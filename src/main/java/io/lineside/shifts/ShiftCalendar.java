package io.lineside.shifts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A plant's shift pattern in a time zone, resolving (date, shift) to instants. DST is handled by resolving wall
 * clock times in the zone: a 22–06 shift on a spring-forward night lasts 7 h, on a fall-back night 9 h. A wall-clock
 * time that does not exist (inside the spring gap) moves forward by the gap; an ambiguous one (fall-back overlap)
 * takes the earlier offset, as {@link ZonedDateTime#of} does. Immutable; safe from any thread.
 */
public final class ShiftCalendar {

    private final List<ShiftDefinition> shifts;
    private final ZoneId zone;

    /** @param shifts the calendar in display order; names must be unique */
    public ShiftCalendar(List<ShiftDefinition> shifts, ZoneId zone) {
        this.shifts = List.copyOf(shifts);
        this.zone = zone;
        if (shifts.stream().map(ShiftDefinition::name).distinct().count() != shifts.size()) {
            throw new IllegalArgumentException("shift names must be unique: " + shifts);
        }
    }

    public List<ShiftDefinition> shifts() {
        return shifts;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isEmpty() {
        return shifts.isEmpty();
    }

    /** The shift called {@code name} that starts on {@code date}. */
    public ShiftPeriod period(LocalDate date, String name) {
        ShiftDefinition definition = shifts.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shift \"" + name + "\" in the calendar "
                        + shifts.stream().map(ShiftDefinition::name).toList()));
        return period(date, definition);
    }

    /** {@code definition} placed on {@code date}. */
    public ShiftPeriod period(LocalDate date, ShiftDefinition definition) {
        LocalDate endDate = definition.crossesMidnight() ? date.plusDays(1) : date;
        return new ShiftPeriod(definition, date, at(date, definition.start()), at(endDate, definition.end()), zone);
    }

    /** The shift that contains {@code t}; with overlapping shifts, the first in calendar order. */
    public Optional<ShiftPeriod> containing(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        for (LocalDate date : List.of(day, day.minusDays(1))) {
            for (ShiftDefinition s : shifts) {
                ShiftPeriod p = period(date, s);
                if (p.contains(t)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Every shift whose end lies in {@code (after, upTo]}, in order of end. */
    public List<ShiftPeriod> endedBetween(Instant after, Instant upTo) {
        List<ShiftPeriod> out = new ArrayList<>();
        if (!after.isBefore(upTo)) {
            return out;
        }
        LocalDate last = upTo.atZone(zone).toLocalDate();
        for (LocalDate d = after.atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (ShiftDefinition s : shifts) {
                ShiftPeriod p = period(d, s);
                if (p.end().isAfter(after) && !p.end().isAfter(upTo)) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing(ShiftPeriod::end).thenComparing(ShiftPeriod::start));
        return out;
    }

    /** The most recent shift that has ended by {@code now}, if any within the last two days. */
    public Optional<ShiftPeriod> lastEnded(Instant now) {
        List<ShiftPeriod> ended = endedBetween(now.minus(java.time.Duration.ofDays(2)), now);
        return ended.isEmpty() ? Optional.empty() : Optional.of(ended.getLast());
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
