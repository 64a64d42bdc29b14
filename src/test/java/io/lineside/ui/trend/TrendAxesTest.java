package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Axis scaling, time ticks and window maths of the trend chart: pure functions, no toolkit. */
class TrendAxesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:52:10Z");
    private static final TrendRange RANGE = new TrendRange(T0, T0.plusSeconds(900));

    private static TrendData data(List<String> units, double base) {
        List<TrendPen> pens = new ArrayList<>();
        List<List<TrendBucket>> buckets = new ArrayList<>();
        List<List<io.lineside.tags.TagGap>> gaps = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            pens.add(new TrendPen(TagPath.parse("demo/a/l/s" + i + "/v"), "s" + i, units.get(i)));
            double v = base + i * 10;
            buckets.add(List.of(new TrendBucket(T0, T0.plusSeconds(3), v, v + 7.3, v, v + 7.3, 3, 3, Quality.GOOD)));
            gaps.add(List.of());
        }
        return new TrendData(pens, RANGE, buckets, gaps);
    }

    @Test
    void upToEightPensGetAnAxisEachThatSpansTheirValuesOnRoundTicks() {
        List<PenAxes.Axis> axes = PenAxes.of(data(List.of("\u00B0C", "\u00B0C", "/min"), 40), 8, 5);
        assertEquals(3, axes.size());
        PenAxes.Axis second = axes.get(1);
        assertEquals(List.of(1), second.pens());
        assertTrue(second.lo() <= 50 && second.hi() >= 57.3, second.toString());
        assertEquals(0, Math.IEEEremainder(second.lo(), second.step()), 1e-9, "starts on a tick");
        assertEquals(2.0, second.step());
    }

    @Test
    void moreThanEightPensShareOneAxisPerUnit() {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            units.add(i % 2 == 0 ? "\u00B0C" : "bar");
        }
        List<PenAxes.Axis> axes = PenAxes.of(data(units, 0), 8, 5);
        assertEquals(List.of("\u00B0C", "bar"), axes.stream().map(PenAxes.Axis::unit).toList());
        assertEquals(25, axes.getFirst().pens().size());
        assertTrue(axes.get(1).hi() >= 497.3, "the shared axis spans every pen's values");
    }

    @Test
    void aFlatLineSitsInsideItsAxisNotOnTheFrame() {
        PenAxes.Axis axis = PenAxes.scaled("", List.of(0), 20, 20, 5);
        assertTrue(axis.fraction(20) > 0.1 && axis.fraction(20) < 0.9, axis.toString());
    }

    @Test
    void timeTicksFallOnRoundLocalMinutesAndMidnightShowsTheDate() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        List<TimeTicks.Tick> ticks = TimeTicks.of(RANGE, shanghai, 300, 90);
        assertEquals(List.of("15:55", "16:00", "16:05"), ticks.stream().map(TimeTicks.Tick::label).toList());
        TrendRange night = new TrendRange(Instant.parse("2026-11-23T14:00:00Z"), Instant.parse("2026-11-23T20:00:00Z"));
        List<String> labels = TimeTicks.of(night, shanghai, 600, 90).stream().map(TimeTicks.Tick::label).toList();
        assertEquals(List.of("22:00", "23:00", "11-24", "01:00", "02:00", "03:00"), labels);
        TrendRange year = TrendRange.ending(RANGE.to(), TrendRange.MAX_SPAN);
        assertTrue(TimeTicks.of(year, shanghai, 300, 90).size() <= 4, "zoomed right out, labels still fit");
    }

    @Test
    void zoomAndSelectionStayWithinTheSpanLimits() {
        TrendRange tiny = RANGE.zoomAround(0.5, 0.0001);
        assertEquals(TrendRange.MIN_SPAN, tiny.span());
        assertEquals(RANGE.at(0.5), tiny.at(0.5));
        assertEquals(TrendRange.MAX_SPAN, RANGE.zoomAround(0, 1e9).span());
        assertEquals(TrendRange.MIN_SPAN, RANGE.select(0.5, 0.5001).span());
        assertEquals(Duration.ofSeconds(450), RANGE.select(-3, 0.5).span(), "a box is clipped to the window");
        assertThrows(IllegalArgumentException.class, () -> new TrendRange(T0, T0));
    }

    @Test
    void csvCellsDefuseFormulasButNumbersStayNumbers() throws Exception {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", TrendCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"'-2+3\"", TrendCsv.cell("-2+3"));
        TrendData data = new TrendData(List.of(new TrendPen(TagPath.parse("demo/a/l/s/v"), "v", "")), RANGE,
                List.of(List.of(new TrendBucket(T0, T0.plusSeconds(3), -3.5, 2, -3.5, 2, 4, 3, Quality.BAD),
                        new TrendBucket(T0.plusSeconds(3), T0.plusSeconds(6), Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, 2, 0, Quality.STALE))), List.of(List.of()));
        java.io.StringWriter out = new java.io.StringWriter();
        TrendCsv.write(data, ZoneId.of("UTC"), out);
        assertEquals(TrendCsv.HEADER + "\r\n"
                + "\"2026-11-23T07:52:10Z\",\"demo/a/l/s/v\",-3.5,2.0,-3.5,2.0,4,\"BAD\"\r\n"
                + "\"2026-11-23T07:52:13Z\",\"demo/a/l/s/v\",,,,,2,\"STALE\"\r\n", out.toString());
    }
}
