package io.lineside.shifts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.StationState;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OEE, timelines, counters and Pareto against figures worked out by hand. */
class OeeTest {

    private static final Instant FROM = Instant.parse("2026-11-25T21:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofHours(8));
    private static final Duration STALE = Duration.ofMinutes(5);

    static TagValue state(int minute, String state) {
        Instant t = FROM.plus(Duration.ofMinutes(minute));
        return new TagValue(state, t, t, Quality.GOOD, minute);
    }

    static TagValue count(int minute, double value) {
        Instant t = FROM.plus(Duration.ofMinutes(minute));
        return TagValue.good(value, t, t, minute);
    }

    /** Heartbeat every 4 minutes (within the 5-minute freshness) from minute {@code a} to {@code b}. */
    static void every4(List<TagValue> out, int a, int b, String state) {
        for (int m = a; m < b; m += 4) {
            out.add(state(m, state));
        }
    }

    @Test
    void aLinesTargetRateIsItsSlowestIdealCycleAndNoneWithoutIdealCycles() {
        OeeSettings line = new OeeSettings(OeeSettings.DEFAULT_STALE_AFTER, false,
                java.util.Map.of("load", Duration.ofSeconds(2), "weld", Duration.ofMillis(2_400),
                        "pack", Duration.ofMillis(1_500)), List.of("load", "weld", "pack"));
        assertEquals(1_500.0, line.targetPerHour(), 1e-9, "the 2.4 s welder paces the line: 3600 / 2.4");
        assertTrue(Double.isNaN(new OeeSettings(OeeSettings.DEFAULT_STALE_AFTER, false, java.util.Map.of(), List.of())
                .targetPerHour()));
    }

    @Test
    void eightHourShiftWithAFaultAChangeoverAndScrap() {
        // 480 min: running except a 60-min fault (jam) at 120 and a 40-min idle at 300.
        List<TagValue> states = new java.util.ArrayList<>();
        every4(states, 0, 120, "running");
        every4(states, 120, 180, "fault");
        every4(states, 180, 300, "running");
        every4(states, 300, 340, "idle");
        every4(states, 340, 480, "running");
        List<TagValue> reasons = List.of(new TagValue("jam", FROM.plus(Duration.ofMinutes(120)),
                FROM.plus(Duration.ofMinutes(120)), Quality.GOOD, 1));
        List<StateSpan> timeline = StateTimeline.build(null, states, FROM, TO, STALE, List.of(), reasons);

        // run 380 min; ideal cycle 60 s; 342 parts of which 18 scrap
        OeeFigures f = Oee.compute(timeline, 342, 18, Duration.ofSeconds(60), false);

        assertEquals(Duration.ofMinutes(480), f.plannedTime());
        assertEquals(Duration.ofMinutes(380), f.runTime());
        assertEquals(Duration.ofMinutes(100), f.downTime());
        assertEquals(380 / 480.0, f.availability(), 1e-9);
        assertEquals(342 / 380.0, f.performance(), 1e-9); // 342 min of ideal work in 380 min running
        assertEquals(324 / 342.0, f.quality(), 1e-9);
        assertEquals(380 / 480.0 * 342 / 380.0 * 324 / 342.0, f.oee(), 1e-9); // = 324/480 = 0.675
        assertEquals(0.675, f.oee(), 1e-9);

        List<Downtime> stops = Downtime.of("pack", timeline);
        assertEquals(List.of("jam", "changeover"), stops.stream().map(Downtime::reason).toList());
        assertEquals(Duration.ofMinutes(60), stops.get(0).length());

        OeeFigures planned = Oee.compute(timeline, 342, 18, Duration.ofSeconds(60), true);
        assertEquals(Duration.ofMinutes(440), planned.plannedTime());
        assertEquals(380 / 440.0, planned.availability(), 1e-9);
    }

    @Test
    void silenceAndBadDataAreUnknownNotRunning() {
        // running at 0 then nothing until 100: fresh for 5 min, then 95 min unknown; a BAD sample at 200 for 20 min
        List<TagValue> states = new java.util.ArrayList<>();
        states.add(state(0, "running"));
        every4(states, 100, 200, "running");
        states.add(new TagValue(null, FROM.plus(Duration.ofMinutes(200)), FROM.plus(Duration.ofMinutes(200)), Quality.BAD, 0));
        every4(states, 220, 480, "running");
        List<TagGap> gaps = List.of(new TagGap(null, FROM.plus(Duration.ofMinutes(300)),
                FROM.plus(Duration.ofMinutes(310)), -1));
        List<StateSpan> timeline = StateTimeline.build(null, states, FROM, TO, STALE, gaps, List.of());

        OeeFigures f = Oee.compute(timeline, 0, 0, null, false);

        assertEquals(Duration.ofMinutes(95 + 20 + 10), f.unknown());
        assertEquals(Duration.ofMinutes(480 - 125), f.runTime());
        assertEquals(1.0, f.availability(), 1e-9);
        assertTrue(Double.isNaN(f.performance()), "no ideal cycle, no performance");
        assertTrue(Double.isNaN(f.quality()), "no parts, no quality");
        assertEquals(StationState.UNKNOWN, timeline.get(1).state());
        assertEquals(FROM.plus(Duration.ofMinutes(5)), timeline.get(1).from());
    }

    @Test
    void theStateBeforeTheShiftCoversItsStart() {
        TagValue before = new TagValue("fault", FROM.minusSeconds(30), FROM.minusSeconds(30), Quality.GOOD, 0);
        List<TagValue> states = List.of(state(2, "running"));
        List<StateSpan> timeline = StateTimeline.build(before, states, FROM, FROM.plus(Duration.ofMinutes(4)), STALE,
                List.of(), List.of());
        assertEquals(List.of(StationState.FAULT, StationState.RUNNING), timeline.stream().map(StateSpan::state).toList());
        assertEquals(FROM, timeline.get(0).from());
        assertEquals(Duration.ofMinutes(2), timeline.get(0).length());
        assertEquals(Downtime.UNSPECIFIED, Downtime.of("weld", timeline).getFirst().reason());
    }

    @Test
    void nothingAtAllIsOneUnknownSpanAndNoOee() {
        List<StateSpan> timeline = StateTimeline.build(null, List.of(), FROM, TO, STALE, List.of(), List.of());
        assertEquals(List.of(new StateSpan(StationState.UNKNOWN, FROM, TO, "")), timeline);
        assertTrue(Double.isNaN(Oee.compute(timeline, 0, 0, Duration.ofSeconds(2), false).oee()));
    }

    @Test
    void counterResetCountsWhatWasCountedSinceZero() {
        // baseline 1000 before the shift; 1000 -> 1100 (+100), PLC restart -> 30 (+30), -> 80 (+50); a BAD sample ignored
        TagValue before = count(-1, 1000);
        List<TagValue> samples = List.of(count(10, 1100), count(20, 30),
                new TagValue("x", FROM.plus(Duration.ofMinutes(25)), FROM, Quality.BAD, 0), count(30, 80));
        assertEquals(180, CounterIncrease.of(before, samples));
        assertEquals(80, CounterIncrease.of(null, List.of(count(0, 1100), count(1, 30), count(2, 80))));
        assertEquals(0, CounterIncrease.of(null, List.of()));
    }

    @Test
    void paretoOrdersReasonsByTotalTimeWithCumulativeShare() {
        Instant t = FROM;
        List<Downtime> stops = List.of(
                new Downtime("a", StationState.FAULT, t, t.plusSeconds(600), "jam"),
                new Downtime("b", StationState.FAULT, t, t.plusSeconds(300), "tool"),
                new Downtime("c", StationState.FAULT, t, t.plusSeconds(600), "jam"),
                new Downtime("a", StationState.IDLE, t, t.plusSeconds(500), "changeover"));
        List<Downtime.ParetoBar> bars = Downtime.pareto(stops);
        assertEquals(List.of("jam", "changeover", "tool"), bars.stream().map(Downtime.ParetoBar::reason).toList());
        assertEquals(Duration.ofSeconds(1200), bars.get(0).total());
        assertEquals(2, bars.get(0).stops());
        assertEquals(60.0, bars.get(0).cumulativePercent(), 1e-9);
        assertEquals(85.0, bars.get(1).cumulativePercent(), 1e-9);
        assertEquals(100.0, bars.get(2).cumulativePercent(), 1e-9);
    }
}
