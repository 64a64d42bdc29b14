package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw-sample reads the shift review uses: {@link HistoryQuery#samples} and {@link HistoryQuery#lastBefore}. */
class HistorySamplesTest {

    private static final Instant T0 = Samples.T0;

    @TempDir
    Path dir;
    HistoryDatabase db;
    HistoryQuery query;

    @BeforeEach
    void open() throws Exception {
        db = HistoryDatabase.open(dir);
        query = new HistoryQuery(db);
        try (HistoryWriter writer = new HistoryWriter(db)) {
            // written out of order: the query must sort by source time
            List.of(Samples.of(Samples.STATE, T0.plusSeconds(20), "fault", Quality.GOOD, 3),
                    Samples.of(Samples.STATE, T0, "running", Quality.GOOD, 1),
                    Samples.of(Samples.STATE, T0.plusSeconds(10), "idle", Quality.GOOD, 2),
                    Samples.of(Samples.STATE, T0.plusSeconds(30), null, Quality.STALE, 4),
                    Samples.good(Samples.TEMP, T0.plusSeconds(5), 41.5, 1),
                    Samples.of(Samples.TEMP, T0.plusSeconds(6), "NaN", Quality.BAD, 2)).forEach(writer);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void samplesComeInSourceTimeOrderWithTextNumbersAndQuality() throws Exception {
        List<TagValue> states = query.samples(Samples.STATE, T0, T0.plusSeconds(60), 100);
        assertEquals(List.of("running", "idle", "fault", ""), states.stream().map(TagValue::text).toList());
        assertEquals(Quality.STALE, states.get(3).quality());
        assertEquals(T0.plusSeconds(10), states.get(1).sourceTime());
        assertEquals(T0.plusSeconds(10).plusMillis(5), states.get(1).receiveTime());
        assertEquals(2, states.get(1).seq());
        List<TagValue> temps = query.samples(Samples.TEMP, T0, T0.plusSeconds(60), 100);
        assertEquals(41.5, temps.get(0).number());
        assertEquals("NaN", temps.get(1).value());
    }

    @Test
    void rangeIsHalfOpenAndLimited() throws Exception {
        assertEquals(List.of("running", "idle"), query.samples(Samples.STATE, T0, T0.plusSeconds(20), 100).stream()
                .map(TagValue::text).toList());
        assertEquals(List.of("idle", "fault"), query.samples(Samples.STATE, T0.plusSeconds(10), T0.plusSeconds(60), 2)
                .stream().map(TagValue::text).toList());
        assertThrows(IllegalArgumentException.class, () -> query.samples(Samples.STATE, T0, T0.plusSeconds(1), 0));
    }

    @Test
    void lastBeforeGivesTheStateARangeStartsIn() throws Exception {
        assertEquals("idle", query.lastBefore(Samples.STATE, T0.plusSeconds(20)).orElseThrow().text());
        assertEquals("fault", query.lastBefore(Samples.STATE, T0.plusSeconds(21)).orElseThrow().text());
        assertTrue(query.lastBefore(Samples.STATE, T0).isEmpty());
    }

    @Test
    void unknownTagHasNoSamples() throws Exception {
        TagPath none = TagPath.parse("plant1/press/line1/st10/nothing");
        assertTrue(query.samples(none, T0, T0.plusSeconds(60), 10).isEmpty());
        assertTrue(query.lastBefore(none, T0.plusSeconds(60)).isEmpty());
    }
}
