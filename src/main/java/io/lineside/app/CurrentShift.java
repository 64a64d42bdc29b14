package io.lineside.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Where the shift running at an instant started, from a station's shift calendar. Safe from any thread. */
final class CurrentShift {

    private CurrentShift() {
    }

    /**
     * The start of the shift of {@code shifts} running at {@code now} in {@code zone} (a shift whose end is not after
     * its start ends the next day), or empty when none runs then (or the calendar is empty).
     */
    static Optional<Instant> start(List<StationProfile.Shift> shifts, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(today, today.minusDays(1))) {
            for (StationProfile.Shift s : shifts) {
                ZonedDateTime start = day.atTime(s.start()).atZone(zone);
                ZonedDateTime end = (s.end().isAfter(s.start()) ? day : day.plusDays(1)).atTime(s.end()).atZone(zone);
                if (!now.isBefore(start.toInstant()) && now.isBefore(end.toInstant())) {
                    return Optional.of(start.toInstant());
                }
            }
        }
        return Optional.empty();
    }
}
