package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryQueryTest {

    private static final Instant FROM = Samples.T0;
    private static final Instant TO = FROM.plus(Duration.ofMinutes(15));

    @TempDir
    Path dir;
    HistoryDatabase db;
    HistoryQuery query;

    @BeforeEach
    void open() throws Exception {
        db = HistoryDatabase.open(dir);
        query = new HistoryQuery(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void fifteenMinutesAtOneHertzIn100BucketsGivesM4ValuesOfTheData() throws Exception {
        List<TagUpdate> data = randomWalk(FROM, 900, Duration.ofSeconds(1));
        write(data);
        write(List.of(Samples.of(Samples.TEMP, FROM.plusMillis(1500), "text is not trended", Quality.GOOD, 99)));

        List<TrendBucket> trend = query.trend(Samples.TEMP, FROM, TO, 100);

        Map<Long, List<TagUpdate>> expected = bucketsOf(data, 100);
        assertTrue(trend.size() <= 100);
        assertEquals(expected.size(), trend.size());
        int i = 0;
        for (Map.Entry<Long, List<TagUpdate>> entry : expected.entrySet()) {
            List<TagUpdate> in = entry.getValue();
            TrendBucket bucket = trend.get(i++);
            long span = Duration.between(FROM, TO).toMillis();
            assertEquals(FROM.plusMillis(Math.ceilDiv(entry.getKey() * span, 100)), bucket.start());
            assertEquals(in.stream().mapToDouble(u -> u.value().number()).min().orElseThrow(), bucket.min());
            assertEquals(in.stream().mapToDouble(u -> u.value().number()).max().orElseThrow(), bucket.max());
            assertEquals(in.getFirst().value().number(), bucket.first());
            assertEquals(in.getLast().value().number(), bucket.last());
            assertEquals(in.size(), bucket.count());
            assertEquals(in.size(), bucket.goodCount());
            assertEquals(Quality.GOOD, bucket.worst());
            assertFalse(in.getFirst().value().sourceTime().isBefore(bucket.start()));
            assertTrue(in.getLast().value().sourceTime().isBefore(bucket.end()));
        }
    }

    @Test
    void gapInTheDataLeavesItsBucketsOut() throws Exception {
        List<TagUpdate> data = new ArrayList<>(randomWalk(FROM, 300, Duration.ofSeconds(1)));
        data.addAll(randomWalk(FROM.plus(Duration.ofMinutes(10)), 300, Duration.ofSeconds(1)));
        write(data);

        List<TrendBucket> trend = query.trend(Samples.TEMP, FROM, TO, 30); // 30 s buckets

        assertEquals(20, trend.size());
        Instant gapStart = FROM.plus(Duration.ofMinutes(5));
        Instant gapEnd = FROM.plus(Duration.ofMinutes(10));
        assertTrue(trend.stream().noneMatch(b -> !b.start().isBefore(gapStart) && b.start().isBefore(gapEnd)));
        assertEquals(bucketsOf(data, 30).size(), trend.size());
    }

    @Test
    void nonGoodSamplesAreCountedAndShadedButIgnoredByStatistics() throws Exception {
        write(List.of(
                Samples.good(Samples.TEMP, FROM, 20, 1),
                Samples.of(Samples.TEMP, FROM.plusSeconds(1), 9999.0, Quality.BAD, 2),
                Samples.good(Samples.TEMP, FROM.plusSeconds(2), 22, 3),
                Samples.of(Samples.TEMP, FROM.plusSeconds(3), -50.0, Quality.UNCERTAIN, 4),
                Samples.of(Samples.TEMP, FROM.plusSeconds(70), 1.0, Quality.STALE, 5)));

        List<TrendBucket> trend = query.trend(Samples.TEMP, FROM, FROM.plusSeconds(120), 2);

        assertEquals(2, trend.size());
        TrendBucket mixed = trend.get(0);
        assertEquals(20, mixed.min());
        assertEquals(22, mixed.max());
        assertEquals(20, mixed.first());
        assertEquals(22, mixed.last());
        assertEquals(4, mixed.count());
        assertEquals(2, mixed.goodCount());
        assertEquals(Quality.BAD, mixed.worst());
        TrendBucket stale = trend.get(1);
        assertFalse(stale.hasGoodValues());
        assertTrue(Double.isNaN(stale.min()));
        assertEquals(Quality.STALE, stale.worst());
    }

    @Test
    void sameSourceTimeIsOrderedBySeqForFirstAndLast() throws Exception {
        write(List.of(Samples.good(Samples.TEMP, FROM, 2, 8), Samples.good(Samples.TEMP, FROM, 1, 7),
                Samples.good(Samples.TEMP, FROM.plusSeconds(5), 3, 9), Samples.good(Samples.TEMP, FROM.plusSeconds(5), 4, 10)));
        TrendBucket only = query.trend(Samples.TEMP, FROM, FROM.plusSeconds(10), 1).getFirst();
        assertEquals(1, only.first());
        assertEquals(4, only.last());
    }

    @Test
    void unknownTagHasNoTrendAndBadArgumentsAreRefused() throws Exception {
        TagPath unknown = TagPath.parse("plant1/press/line1/st10/unknown");
        assertEquals(List.of(), query.trend(unknown, FROM, TO, 10));
        assertThrows(IllegalArgumentException.class, () -> query.trend(unknown, TO, FROM, 10));
        assertThrows(IllegalArgumentException.class, () -> query.trend(unknown, FROM, TO, 0));
        assertEquals(0, query.sampleCount());
        assertEquals(List.of(), query.tags());
    }

    @Test
    void gapsOverlappingTheWindowAreReturnedWithEveryTagGapsAndOthersAreNot() throws Exception {
        TagGap tempGap = new TagGap(Samples.TEMP, FROM.plusSeconds(60), FROM.plusSeconds(90), 12);
        TagGap stateGap = new TagGap(Samples.STATE, FROM.plusSeconds(100), FROM.plusSeconds(110), 3);
        TagGap sessionLost = new TagGap(null, FROM.minusSeconds(30), FROM.plusSeconds(5), -1);
        TagGap later = new TagGap(Samples.TEMP, TO.plusSeconds(1), TO.plusSeconds(2), 1);
        try (HistoryWriter writer = new HistoryWriter(db)) {
            writer.put(Samples.good(Samples.TEMP, FROM, 1, 1));
            writer.put(Samples.good(Samples.STATE, FROM, 1, 1));
            List.of(tempGap, stateGap, sessionLost, later).forEach(writer::putGap);
        }
        assertEquals(List.of(sessionLost, tempGap), query.gaps(Samples.TEMP, FROM, TO));
        assertEquals(List.of(later), query.gaps(Samples.TEMP, TO, TO.plusSeconds(60)));
        TagPath noSamples = TagPath.parse("plant1/press/line1/st10/unknown");
        assertEquals(List.of(sessionLost), query.gaps(noSamples, FROM, TO));
        assertThrows(IllegalArgumentException.class, () -> query.gaps(Samples.TEMP, TO, FROM));
    }

    private void write(List<TagUpdate> updates) {
        try (HistoryWriter writer = new HistoryWriter(db)) {
            updates.forEach(writer);
        }
    }

    private static List<TagUpdate> randomWalk(Instant start, int count, Duration step) {
        Random random = new Random(start.toEpochMilli());
        List<TagUpdate> data = new ArrayList<>();
        double value = 50;
        for (int i = 0; i < count; i++) {
            value += random.nextGaussian();
            data.add(Samples.good(Samples.TEMP, start.plus(step.multipliedBy(i)), value, i));
        }
        return data;
    }

    /** The bucket definition, independently: floor((ts - from) * n / (to - from)). */
    private static Map<Long, List<TagUpdate>> bucketsOf(List<TagUpdate> data, int n) {
        long span = Duration.between(FROM, TO).toMillis();
        Map<Long, List<TagUpdate>> buckets = new TreeMap<>();
        for (TagUpdate u : data) {
            long offset = Duration.between(FROM, u.value().sourceTime()).toMillis();
            if (offset >= 0 && offset < span) {
                buckets.computeIfAbsent(offset * n / span, k -> new ArrayList<>()).add(u);
            }
        }
        return buckets;
    }
}
