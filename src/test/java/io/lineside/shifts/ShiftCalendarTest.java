package io.lineside.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static ShiftCalendar threeShifts(ZoneId zone) {
        return new ShiftCalendar(List.of(
                new ShiftDefinition("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "A"),
                new ShiftDefinition("late", LocalTime.of(14, 0), LocalTime.of(22, 0), "B"),
                new ShiftDefinition("night", LocalTime.of(22, 0), LocalTime.of(6, 0), "C")), zone);
    }

    @Test
    void nightShiftEndsOnTheNextMorningInTheZone() {
        ShiftPeriod night = threeShifts(BERLIN).period(LocalDate.of(2026, 11, 25), "night");
        assertEquals(Instant.parse("2026-11-25T21:00:00Z"), night.start());
        assertEquals(Instant.parse("2026-11-26T05:00:00Z"), night.end());
        assertEquals(Duration.ofHours(8), night.length());
        assertEquals("C", night.definition().crew());
        assertEquals("2026-11-25/night", night.key());
    }

    @Test
    void nightShiftOverSpringForwardLastsSevenHours() {
        ShiftPeriod night = threeShifts(BERLIN).period(LocalDate.of(2026, 3, 28), "night");
        assertEquals(Instant.parse("2026-03-28T21:00:00Z"), night.start()); // 22:00 CET
        assertEquals(Instant.parse("2026-03-29T04:00:00Z"), night.end()); // 06:00 CEST
        assertEquals(Duration.ofHours(7), night.length());
    }

    @Test
    void nightShiftOverFallBackLastsNineHours() {
        ShiftPeriod night = threeShifts(BERLIN).period(LocalDate.of(2026, 10, 24), "night");
        assertEquals(Instant.parse("2026-10-24T20:00:00Z"), night.start()); // 22:00 CEST
        assertEquals(Instant.parse("2026-10-25T05:00:00Z"), night.end()); // 06:00 CET
        assertEquals(Duration.ofHours(9), night.length());
    }

    @Test
    void dayShiftsOnDstDaysKeepTheirWallClockLength() {
        ShiftCalendar c = threeShifts(BERLIN);
        assertEquals(Duration.ofHours(8), c.period(LocalDate.of(2026, 3, 29), "early").length());
        assertEquals(Duration.ofHours(8), c.period(LocalDate.of(2026, 10, 25), "late").length());
    }

    @Test
    void shanghaiHasNoDstSoEveryNightIsEightHours() {
        ShiftCalendar c = threeShifts(SHANGHAI);
        for (LocalDate d : List.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 10, 24), LocalDate.of(2026, 12, 31))) {
            assertEquals(Duration.ofHours(8), c.period(d, "night").length(), d.toString());
        }
        assertEquals(Instant.parse("2026-12-31T14:00:00Z"), c.period(LocalDate.of(2026, 12, 31), "night").start());
        assertEquals(Instant.parse("2026-12-31T22:00:00Z"), c.period(LocalDate.of(2026, 12, 31), "night").end());
    }

    @Test
    void shiftStartingAtMidnightStaysOnItsDate() {
        ShiftCalendar c = new ShiftCalendar(List.of(
                new ShiftDefinition("first", LocalTime.MIDNIGHT, LocalTime.of(8, 0), ""),
                new ShiftDefinition("second", LocalTime.of(8, 0), LocalTime.of(16, 0), ""),
                new ShiftDefinition("third", LocalTime.of(16, 0), LocalTime.MIDNIGHT, "")), SHANGHAI);
        ShiftPeriod third = c.period(LocalDate.of(2026, 11, 25), "third");
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), third.start());
        assertEquals(Instant.parse("2026-11-25T16:00:00Z"), third.end()); // midnight of the 26th, local
        assertEquals("first", c.containing(Instant.parse("2026-11-25T16:00:00Z")).orElseThrow().definition().name());
        assertEquals(LocalDate.of(2026, 11, 26), c.containing(Instant.parse("2026-11-25T16:00:00Z")).orElseThrow().date());
    }

    @Test
    void shiftWhoseEndEqualsItsStartLastsADay() {
        ShiftCalendar c = new ShiftCalendar(List.of(new ShiftDefinition("day", LocalTime.of(6, 0), LocalTime.of(6, 0), "")),
                BERLIN);
        assertEquals(Duration.ofHours(24), c.period(LocalDate.of(2026, 11, 25), "day").length());
        assertEquals(Duration.ofHours(23), c.period(LocalDate.of(2026, 3, 28), "day").length());
        assertEquals(Duration.ofHours(25), c.period(LocalDate.of(2026, 10, 24), "day").length());
    }

    @Test
    void containingFindsTheNightShiftOfThePreviousDateAfterMidnight() {
        ShiftCalendar c = threeShifts(BERLIN);
        ShiftPeriod p = c.containing(Instant.parse("2026-11-26T01:30:00Z")).orElseThrow(); // 02:30 local
        assertEquals("night", p.definition().name());
        assertEquals(LocalDate.of(2026, 11, 25), p.date());
        assertEquals("early", c.containing(Instant.parse("2026-11-26T05:00:00Z")).orElseThrow().definition().name());
        assertEquals("night", c.containing(Instant.parse("2026-11-26T04:59:59.999Z")).orElseThrow().definition().name());
    }

    @Test
    void containingInsideTheFallBackRepeatedHourIsStillTheNightShift() {
        ShiftCalendar c = threeShifts(BERLIN);
        // 02:30 local happens twice on 2026-10-25: 00:30Z (CEST) and 01:30Z (CET)
        for (String t : List.of("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z")) {
            ShiftPeriod p = c.containing(Instant.parse(t)).orElseThrow();
            assertEquals(LocalDate.of(2026, 10, 24), p.date(), t);
            assertEquals("night", p.definition().name(), t);
        }
    }

    @Test
    void gapsInTheCalendarContainNoShift() {
        ShiftCalendar c = new ShiftCalendar(List.of(new ShiftDefinition("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "")),
                BERLIN);
        assertTrue(c.containing(Instant.parse("2026-11-25T20:00:00Z")).isEmpty());
    }

    @Test
    void shiftStartingInsideTheSpringGapMovesForwardByTheGap() {
        ShiftCalendar c = new ShiftCalendar(List.of(new ShiftDefinition("odd", LocalTime.of(2, 30), LocalTime.of(10, 30), "")),
                BERLIN);
        ShiftPeriod p = c.period(LocalDate.of(2026, 3, 29), "odd");
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), p.start()); // 03:30 CEST
        assertEquals(Duration.ofHours(7), p.length());
    }

    @Test
    void endedBetweenListsShiftsInOrderOfEndWithTheUpperBoundIncluded() {
        ShiftCalendar c = threeShifts(BERLIN);
        List<ShiftPeriod> ended = c.endedBetween(Instant.parse("2026-11-25T05:00:00Z"), Instant.parse("2026-11-26T05:00:00Z"));
        assertEquals(List.of("2026-11-25/early", "2026-11-25/late", "2026-11-25/night"),
                ended.stream().map(ShiftPeriod::key).toList());
        assertEquals(List.of(), c.endedBetween(Instant.parse("2026-11-26T05:00:00Z"), Instant.parse("2026-11-26T05:00:00Z")));
        assertEquals("2026-11-25/night", c.lastEnded(Instant.parse("2026-11-26T06:00:00Z")).orElseThrow().key());
    }

    @Test
    void endedBetweenAcrossAWeekCountsThreeShiftsADayAcrossFallBack() {
        ShiftCalendar c = threeShifts(BERLIN);
        List<ShiftPeriod> ended = c.endedBetween(Instant.parse("2026-10-21T22:00:00Z"), Instant.parse("2026-10-28T22:00:00Z"));
        assertEquals(21, ended.size());
        assertEquals(Duration.ofHours(9), ended.stream().filter(p -> p.key().equals("2026-10-24/night")).findFirst()
                .orElseThrow().length());
    }

    @Test
    void unknownShiftNameAndDuplicateNamesAreRefusedWithTheCalendarNamed() {
        ShiftCalendar c = threeShifts(BERLIN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.period(LocalDate.of(2026, 1, 1), "swing"));
        assertTrue(e.getMessage().contains("[early, late, night]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ShiftCalendar(List.of(
                new ShiftDefinition("a", LocalTime.NOON, LocalTime.MIDNIGHT, ""),
                new ShiftDefinition("a", LocalTime.MIDNIGHT, LocalTime.NOON, "")), BERLIN));
    }
}
