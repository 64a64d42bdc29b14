package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folding finished hours into blocks and rollups, and reading them back exactly as raw rows would read. */
class FoldedHistoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T05:59:10.250Z"); // not aligned to anything
    private static final int HOURS = 5;

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
    void finishedHoursMoveIntoBlocksAndEverySampleIsStillThereOnce() throws Exception {
        List<TagUpdate> written = randomUpdates(new SplittableRandom(1), 3 * 3600);
        try (HistoryWriter writer = folding()) {
            written.forEach(writer::accept);
            assertTrue(writer.awaitFolded(Duration.ofSeconds(30)), "fold finished");
            assertTrue(writer.foldedHours() >= 3, "folded " + writer.foldedHours());
            assertEquals(0, writer.maintenanceFailures());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM sample"), "no row left unpacked");
        Map<String, TagValue> expected = latestByKey(written);
        assertEquals(expected.size(), query.sampleCount());
        List<TagValue> all = query.samples(Samples.TEMP, T0.minusSeconds(1), T0.plusSeconds(5 * 3600), 100_000);
        assertEquals(List.copyOf(expected.values()), all);
        assertEquals(List.copyOf(expected.values()).subList(0, 1234),
                query.samples(Samples.TEMP, T0.minusSeconds(1), T0.plusSeconds(5 * 3600), 1234), "limit keeps the oldest");
        assertThrows(IllegalArgumentException.class, () -> query.samples(Samples.TEMP, T0, T0.plusSeconds(1), 0));
        java.io.StringWriter csv = new java.io.StringWriter();
        assertEquals(expected.size(), new HistoryExport(db).writeCsv(List.of(), T0.minusSeconds(1),
                T0.plusSeconds(5 * 3600), csv), "the export reads packed hours too");
        assertEquals(expected.size() + 1, csv.toString().lines().count());
        // The state a range starts in comes from packed hours too: mid-hour, on an hour's first instant (its
        // block holds nothing before it), before everything, and after everything.
        List<TagValue> ordered = List.copyOf(expected.values());
        Instant firstHour = Instant.ofEpochMilli(Math.floorDiv(T0.toEpochMilli(), 3_600_000L) * 3_600_000L);
        for (Instant at : List.of(T0.plusSeconds(4321), firstHour.plusSeconds(3600), firstHour.plusSeconds(7200),
                T0, T0.plusSeconds(6 * 3600))) {
            TagValue last = ordered.stream().filter(v -> v.sourceTime().isBefore(at)).reduce((x, y) -> y).orElse(null);
            assertEquals(java.util.Optional.ofNullable(last), query.lastBefore(Samples.TEMP, at), "last before " + at);
        }
        TagValue newest = ordered.getLast();
        assertEquals(List.of(new StreamPosition(Samples.TEMP, newest.seq(), newest.sourceTime())), query.streamPositions(),
                "a restart resumes the stream from its packed end");
    }

    @Test
    void redeliveryIntoAFoldedHourWaitsAsARowAndIsMergedAtTheNextFold() throws Exception {
        List<TagUpdate> written = randomUpdates(new SplittableRandom(2), 2 * 3600);
        try (HistoryWriter writer = folding()) {
            written.forEach(writer::accept);
            assertTrue(writer.awaitFolded(Duration.ofSeconds(30)));
        }
        List<TagUpdate> late = new ArrayList<>(written.subList(100, 150)); // redelivered as they were
        late.add(Samples.good(Samples.TEMP, T0.plusMillis(1_500_123), 99.5, 777_777)); // new, into a sealed hour
        try (HistoryWriter writer = notFolding()) {
            late.forEach(writer::accept);
        }
        written.addAll(late);
        Map<String, TagValue> expected = latestByKey(written);
        assertEquals(51, count("SELECT COUNT(*) FROM sample"), "late samples wait as rows");
        assertEquals(List.copyOf(expected.values()), query.samples(Samples.TEMP, T0, T0.plusSeconds(3 * 3600), 1_000_000),
                "read merged, each once");
        try (HistoryWriter writer = folding()) {
            assertTrue(writer.awaitFolded(Duration.ofSeconds(30)));
        }
        assertEquals(0, count("SELECT COUNT(*) FROM sample"));
        assertEquals(expected.size(), query.sampleCount(), "merged into the block, no duplicate");
        assertEquals(List.copyOf(expected.values()), query.samples(Samples.TEMP, T0, T0.plusSeconds(3 * 3600), 1_000_000));
    }

    @Test
    void trendOverBlocksRollupsAndLiveRowsEqualsTrendOfTheRawSamples() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<TagUpdate> written = randomUpdates(random, HOURS * 3600);
        int folded = 3 * 3600; // the first three hours are folded, the rest stays live
        try (HistoryWriter writer = folding()) {
            written.subList(0, folded).forEach(writer::accept);
            assertTrue(writer.awaitFolded(Duration.ofSeconds(30)));
        }
        List<TagUpdate> late = new ArrayList<>(written.subList(folded, written.size()));
        late.addAll(written.subList(2000, 2040)); // redeliveries into a folded hour
        for (int i = 0; i < 30; i++) { // late new samples scattered over the first full folded hour
            late.add(Samples.of(Samples.TEMP, T0.plusMillis(50_000 + random.nextLong(3_550_000L)), random.nextDouble(),
                    Quality.GOOD, 5_000_000 + i));
        }
        try (HistoryWriter writer = notFolding()) {
            late.forEach(writer::accept);
        }
        List<TagUpdate> all = new ArrayList<>(written.subList(0, folded));
        all.addAll(late);
        List<TagValue> raw = List.copyOf(latestByKey(all).values());
        assertTrue(count("SELECT COUNT(*) FROM sample_block") >= 3 && count("SELECT COUNT(*) FROM sample") > 0);

        Instant end = T0.plusSeconds(HOURS * 3600 + 60);
        int[] bucketCounts = {1600, 300, 100, 7, 4, 1}; // 11 s .. 5 h per bucket: raw, minute and hour rollups
        for (int buckets : bucketCounts) {
            assertEquals(naive(raw, T0, end, buckets), query.trend(Samples.TEMP, T0, end, buckets), buckets + " buckets");
        }
        for (int round = 0; round < 25; round++) { // random windows, aligned or not
            Instant from = T0.plusMillis(random.nextLong(4 * 3_600_000L));
            Instant to = from.plusMillis(1 + random.nextLong(3 * 3_600_000L));
            if (round % 5 == 0) {
                from = Instant.ofEpochMilli(StoredSamples.hourOf(from.toEpochMilli()));
                to = from.plusSeconds(3600L * (1 + random.nextInt(3)));
            }
            int buckets = 1 + random.nextInt(round % 2 == 0 ? 20 : 2000);
            assertEquals(naive(raw, from, to, buckets), query.trend(Samples.TEMP, from, to, buckets),
                    from + " .. " + to + " in " + buckets);
        }
        // The wide trends above really came from rollups: a corrupted rollup shows in them.
        assertEquals(0, count("SELECT COUNT(*) FROM sample WHERE ts >= " + T0.plusSeconds(3650).toEpochMilli()
                + " AND ts < " + T0.plusSeconds(7250).toEpochMilli()), "07:00-08:00 is only packed");
        execute("UPDATE sample_minute SET hi = hi + 1000");
        execute("UPDATE sample_hour SET lo = lo - 1000");
        assertNotEquals(naive(raw, T0, end, 100), query.trend(Samples.TEMP, T0, end, 100), "minute rollups used");
        assertNotEquals(naive(raw, T0, end, 4), query.trend(Samples.TEMP, T0, end, 4), "hour rollups used");
        assertEquals(naive(raw, T0, end, 1600), query.trend(Samples.TEMP, T0, end, 1600), "11 s buckets: raw only");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private HistoryWriter folding() {
        return new HistoryWriter(db, 100_000, Duration.ofMillis(10), (b, a) -> { },
                new HourFolder(Clock.systemUTC(), Duration.ofMinutes(2), Duration.ZERO));
    }

    private HistoryWriter notFolding() { // a clock before the data: no hour is finished yet
        return new HistoryWriter(db, 100_000, Duration.ofMillis(10), (b, a) -> { },
                new HourFolder(Clock.fixed(T0.minusSeconds(86_400), ZoneOffset.UTC), Duration.ofMinutes(2), Duration.ZERO));
    }

    /** About 1 Hz with jitter, out-of-order and duplicate deliveries, all qualities, some text and value-less. */
    static List<TagUpdate> randomUpdates(SplittableRandom random, int count) {
        List<TagUpdate> updates = new ArrayList<>(count);
        double level = 50;
        for (int i = 0; i < count; i++) {
            Instant at = T0.plusMillis(i * 1000L + random.nextInt(900));
            level += random.nextGaussian();
            int kind = random.nextInt(100);
            Quality q = kind < 85 ? Quality.GOOD : kind < 92 ? Quality.UNCERTAIN : kind < 97 ? Quality.BAD : Quality.STALE;
            Object value = kind == 99 ? "MODE " + random.nextInt(3)
                    : q.ordinal() >= 2 && random.nextBoolean() ? null : Math.round(level * 100) / 100.0;
            long seq = random.nextInt(50) == 0 ? -1 : i;
            updates.add(new TagUpdate(Samples.TEMP, new TagValue(value, at, at.plusMillis(random.nextInt(60)), q, seq)));
            if (random.nextInt(200) == 0) {
                updates.add(updates.get(updates.size() - 1 - random.nextInt(Math.min(updates.size(), 100)))); // redelivered
            }
            if (random.nextInt(300) == 0 && i > 2) { // swap two deliveries
                TagUpdate last = updates.removeLast();
                updates.add(updates.size() - 1, last);
            }
        }
        return updates;
    }

    /** (ts, seq) to the last update written for it, in (ts, seq) order: what the store must hold. */
    static Map<String, TagValue> latestByKey(List<TagUpdate> updates) {
        Map<String, TagValue> byKey = new LinkedHashMap<>();
        updates.stream().map(TagUpdate::value)
                .forEach(v -> byKey.put(v.sourceTime().toEpochMilli() + "/" + v.seq(), v));
        List<TagValue> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing(TagValue::sourceTime).thenComparingLong(TagValue::seq));
        Map<String, TagValue> ordered = new LinkedHashMap<>();
        sorted.forEach(v -> ordered.put(v.sourceTime().toEpochMilli() + "/" + v.seq(), stored(v)));
        return ordered;
    }

    /** The value as the store gives it back (receive time to the ms, as stored). */
    private static TagValue stored(TagValue v) {
        return new TagValue(v.value(), v.sourceTime(), Instant.ofEpochMilli(v.receiveTime().toEpochMilli()), v.quality(),
                v.seq());
    }

    /** The trend by the definition: every numeric sample put into bucket (ts - from) * buckets / span. */
    static List<TrendBucket> naive(List<TagValue> raw, Instant from, Instant to, int buckets) {
        long start = from.toEpochMilli();
        long span = to.toEpochMilli() - start;
        BucketStats[] acc = new BucketStats[buckets];
        for (TagValue v : raw) {
            long ts = v.sourceTime().toEpochMilli();
            if (ts >= start && ts < start + span && v.value() instanceof Double d) {
                int b = (int) ((ts - start) * buckets / span);
                acc[b] = acc[b] == null ? new BucketStats() : acc[b];
                acc[b].add(ts, v.seq(), d, v.quality().ordinal());
            }
        }
        List<TrendBucket> result = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (acc[b] != null) {
                result.add(acc[b].toBucket(Instant.ofEpochMilli(start + Math.ceilDiv(b * span, buckets)),
                        Instant.ofEpochMilli(start + Math.ceilDiv((b + 1) * span, buckets))));
            }
        }
        return result;
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
