package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a coalesced run keeps: enough real samples, in order, that the tag's alarms see every kind of value. */
class CoalescedUpdatesTest {

    private static final TagPath TEMP = TagPath.parse("plant/bake/line-1/oven/temperature");
    private static final TagPath WORD = TagPath.parse("plant/bake/line-1/oven/status");
    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

    private static CoalescedUpdates fold(ValueClasses classes, TagPath tag, Object... values) {
        CoalescedUpdates c = new CoalescedUpdates(classes);
        for (int i = 0; i < values.length; i++) {
            Instant at = T0.plusMillis(i);
            TagValue v = values[i] == null ? new TagValue(null, at, at, Quality.BAD, i)
                    : values[i] instanceof Number n ? TagValue.good(n.doubleValue(), at, at, i)
                    : new TagValue(values[i], at, at, Quality.GOOD, i);
            c.fold(new TagUpdate(tag, v));
        }
        return c;
    }

    private static List<Object> values(CoalescedUpdates c) {
        return c.samples().stream().map(u -> u.value().value()).toList();
    }

    private static List<Long> seqs(CoalescedUpdates c) {
        return c.samples().stream().map(u -> u.value().seq()).toList();
    }

    @Test
    void aHighLimitWithDeadbandKeepsTheLastValueOnEachSideSoTheEndStateIsRight() {
        // HH 100, deadband 2: 99 keeps an active alarm active. Crossed, left, crossed again, ending in the band.
        ValueClasses classes = ValueClasses.of(TEMP, List.of(AlarmDefinition.simple("HH", TEMP, Priority.HIGH,
                new LimitCondition(LimitCondition.Level.HH, 100, 2))));
        CoalescedUpdates c = fold(classes, TEMP, 50, 150, 99, 40, 60, 120, 99, 99.5);
        // 50 first-low, 150 first-high (max), 99 first-band, 40 min, 60 last-low, 120 last-high, 99.5 last-band.
        assertEquals(List.of(50.0, 150.0, 99.0, 40.0, 60.0, 120.0, 99.5), values(c));
        assertEquals(8, c.count());
    }

    @Test
    void aValueExactlyOnAnEdgeIsAClassOfItsOwn() {
        ValueClasses classes = ValueClasses.of(TEMP, List.of(AlarmDefinition.simple("H", TEMP, Priority.HIGH,
                new LimitCondition(LimitCondition.Level.H, 80, 0))));
        // 80 is ">= limit": it raises H, 79.9 does not, so 80 must survive among the 79.9s and 81s.
        CoalescedUpdates c = fold(classes, TEMP, 79.9, 79.9, 80, 79.9, 79.9);
        assertEquals(List.of(0L, 2L, 4L), seqs(c));
    }

    @Test
    void textStatesAndBadSamplesAreEachKeptInOrder() {
        CoalescedUpdates c = fold(ValueClasses.of(WORD, List.of()), WORD,
                "running", "running", "fault", "running", null, "running");
        assertEquals(List.of(0L, 2L, 4L, 5L), seqs(c));
    }

    @Test
    void aBitConditionTellsEveryNumberApart() {
        ValueClasses classes = ValueClasses.of(WORD, List.of(AlarmDefinition.simple("BIT3", WORD, Priority.LOW,
                new DiscreteCondition(null, 3))));
        // Neither min (0) nor max (9) has bit 2 set; the 4 must survive.
        CoalescedUpdates c = fold(classes, WORD, 1, 0, 4, 9, 1, 1);
        assertEquals(List.of(0L, 1L, 2L, 3L, 5L), seqs(c));
    }
}
