package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which shift runs at an instant, for a faceplate's state timeline. */
class CurrentShiftTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<StationProfile.Shift> THREE = List.of(
            new StationProfile.Shift("early", LocalTime.of(6, 0), LocalTime.of(14, 0)),
            new StationProfile.Shift("late", LocalTime.of(14, 0), LocalTime.of(22, 0)),
            new StationProfile.Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0)));

    private static Optional<Instant> startAt(String local, List<StationProfile.Shift> shifts) {
        return CurrentShift.start(shifts, java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant(), SHANGHAI);
    }

    private static Optional<Instant> local(String local) {
        return Optional.of(java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
    }

    @Test
    void aDayShiftStartsTheSameDay() {
        assertEquals(local("2026-11-26T06:00"), startAt("2026-11-26T09:30", THREE));
        assertEquals(local("2026-11-26T14:00"), startAt("2026-11-26T14:00", THREE), "the end is the next shift's start");
    }

    @Test
    void aNightShiftAfterMidnightStartedTheEveningBefore() {
        assertEquals(local("2026-11-25T22:00"), startAt("2026-11-26T03:15", THREE));
        assertEquals(local("2026-11-26T22:00"), startAt("2026-11-26T23:59", THREE));
    }

    @Test
    void noShiftRunningOrNoCalendarGivesNothing() {
        List<StationProfile.Shift> dayOnly = List.of(new StationProfile.Shift("day", LocalTime.of(8, 0), LocalTime.of(17, 0)));
        assertEquals(Optional.empty(), startAt("2026-11-26T19:00", dayOnly));
        assertEquals(Optional.empty(), startAt("2026-11-26T09:00", List.of()));
    }
}
