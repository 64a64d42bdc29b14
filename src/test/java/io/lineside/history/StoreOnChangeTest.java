package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOnChangeTest {

    @TempDir
    Path dir;

    @Test
    void deadbandSkipsSmallMovesFromTheLastStoredValueButNotDriftQualityOrTheMaxInterval() {
        StoreOnChange filter = new StoreOnChange();
        filter.settings(new StoreOnChange.Settings(0.5, Duration.ofSeconds(60)));
        List<Boolean> stored = new ArrayList<>();
        double[] values = {10, 10.2, 10.4, 10.6, 10.6, 10.0, 10.05};
        for (int i = 0; i < values.length; i++) {
            stored.add(filter.store(Samples.TEMP, value(values[i], i, Quality.GOOD)));
        }
        // 10.6 is 0.6 from the stored 10 (drift), 10.0 is 0.6 from the stored 10.6
        assertEquals(List.of(true, false, false, true, false, true, false), stored);
        assertTrue(filter.store(Samples.TEMP, value(10.05, 7, Quality.UNCERTAIN)), "quality change");
        assertTrue(filter.store(Samples.TEMP, value(10.05, 67, Quality.UNCERTAIN)), "max interval since the last stored");
        assertTrue(filter.store(Samples.TEMP, value(10.05, 3, Quality.UNCERTAIN)), "late sample: never judged");
        assertTrue(filter.store(Samples.STATE, new TagValue("RUN", Samples.T0, Samples.T0, Quality.GOOD, 1)));
        assertEquals(false, filter.store(Samples.STATE, new TagValue("RUN", Samples.T0.plusSeconds(1), Samples.T0,
                Quality.GOOD, 2)));
        assertTrue(filter.store(Samples.STATE, new TagValue("STOP", Samples.T0.plusSeconds(2), Samples.T0,
                Quality.GOOD, 3)));
        assertEquals(5, filter.skipped());
        assertThrows(IllegalArgumentException.class, () -> new StoreOnChange.Settings(-1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new StoreOnChange.Settings(0, Duration.ZERO));
    }

    @Test
    void everyBadSampleIsStoredOneRowPerRefusedMessage() {
        StoreOnChange filter = new StoreOnChange();
        filter.settings(StoreOnChange.DEFAULT);
        List<Boolean> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // three refused messages a second apart: no value to compare, each its row
            stored.add(filter.store(Samples.TEMP, new TagValue(null, Samples.T0.plusSeconds(i),
                    Samples.T0.plusSeconds(i), Quality.BAD, -1)));
        }
        assertEquals(List.of(true, true, true), stored);
        assertEquals(0, filter.skipped());
    }

    @Test
    void aTagsOwnDeadbandOutranksTheStationsAndTheRestKeepTheStations() {
        StoreOnChange filter = new StoreOnChange();
        filter.settings(new StoreOnChange.Settings(0, Duration.ofSeconds(60))); // the station: every change
        filter.meta(path -> path.equals(Samples.TEMP) ? new io.lineside.tags.TagMeta("°C", 0, 300, null, 2.0)
                : io.lineside.tags.TagMeta.NONE);
        double[] values = {20, 21.5, 22.1, 23, 20.5};
        List<Boolean> temp = new ArrayList<>();
        List<Boolean> other = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            temp.add(filter.store(Samples.TEMP, value(values[i], i, Quality.GOOD)));
            other.add(filter.store(Samples.STATE, value(values[i], i, Quality.GOOD)));
        }
        // TEMP: 22.1 is 2.1 from the stored 20; 23 is only 0.9 from 22.1; 20.5 is 1.6 from 22.1
        assertEquals(List.of(true, false, true, false, false), temp);
        assertEquals(List.of(true, true, true, true, true), other, "no deadband of its own: every change");
        assertThrows(IllegalArgumentException.class, () -> new io.lineside.tags.TagMeta("", 0, 1, null, -0.5));
    }

    @Test
    void skippedUpdatesStillReleaseTheirAcksInOrderAfterTheCommit() throws Exception {
        List<Integer> acks = Collections.synchronizedList(new ArrayList<>());
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                writer.storeOnChange(0, Duration.ofSeconds(60));
                for (int i = 0; i < 100; i++) { // a flat value: one row, then 99 unchanged
                    writer.put(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), 42.0, i));
                    int n = i;
                    writer.putAfterCommit(() -> acks.add(n));
                }
                writer.put(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(100), 43.0, 100));
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add(i);
            }
            assertEquals(expected, acks, "every ack released, in order");
            HistoryQuery query = new HistoryQuery(db);
            assertEquals(3, query.sampleCount(), "first, the max-interval row at 60 s, the change");
            assertEquals(List.of(0L, 60L, 100L), query.samples(Samples.TEMP, Samples.T0, Samples.T0.plusSeconds(200), 10)
                    .stream().map(TagValue::seq).toList());
        }
    }

    private static TagValue value(double v, int second, Quality q) {
        Instant at = Samples.T0.plusSeconds(second);
        return new TagValue(v, at, at, q, second);
    }
}
