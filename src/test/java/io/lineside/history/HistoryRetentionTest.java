package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention drops whole old hours (and old gaps and alarm events) without stopping the writer, and the file shrinks. */
class HistoryRetentionTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final int HOURS = 24;
    private static final List<TagPath> TAGS = IntStream.range(0, 4)
            .mapToObj(i -> TagPath.parse("plant1/press/line1/st" + i + "/temperature")).toList();

    @TempDir
    Path dir;

    @Test
    void byAgeOldHoursGoAndTheFileShrinksAtClose() throws Exception {
        fill();
        long full = fileBytes();
        Instant cut = T0.plusSeconds(18 * 3600); // keep the last 6 hours of the day
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            long before = new HistoryQuery(db).sampleCount();
            try (HistoryWriter writer = new HistoryWriter(db)) {
                writer.retain(new RetentionPolicy(Duration.between(cut, Instant.now()).minusMinutes(30), 0));
                assertTrue(writer.maintenance().awaitRetention(Duration.ofSeconds(60)));
                assertTrue(writer.retainedRows() > 0);
                writer.accept(Samples.good(TAGS.getFirst(), Instant.now(), 1, 1)); // ingest goes on
            }
            HistoryQuery query = new HistoryQuery(db);
            assertEquals(before / 4 + 1, query.sampleCount(), "18 of 24 hours dropped, the live sample kept");
            assertEquals(0, query.samples(TAGS.get(1), T0, cut, 10).size());
            assertEquals(3600, query.samples(TAGS.get(1), cut, cut.plusSeconds(3600), 10_000).size());
            assertEquals(List.of(), query.trend(TAGS.get(2), T0, cut, 100));
            assertEquals(List.of(), query.gaps(TAGS.get(2), T0, cut), "old gap dropped");
            assertEquals(1, query.gaps(TAGS.get(2), cut, T0.plusSeconds(HOURS * 3600)).size(), "new gap kept");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM alarm_event"), "old alarm event dropped");
            assertEquals(6 * TAGS.size(), count(db, "SELECT COUNT(*) FROM sample_hour"));
        }
        long shrunk = fileBytes();
        assertTrue(shrunk < full * 0.5, "file shrank from " + full + " to " + shrunk + " B");
    }

    @Test
    void bySizeTheOldestHoursGoUntilTheRestFits() throws Exception {
        fill();
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            db.compactOnClose(); // measure the data, not the pages the fold freed
        }
        long full = fileBytes();
        long limit = full / 2;
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                writer.retain(new RetentionPolicy(Duration.ZERO, limit));
                assertTrue(writer.maintenance().awaitRetention(Duration.ofSeconds(60)));
            }
            HistoryQuery query = new HistoryQuery(db);
            Instant lastHour = T0.plusSeconds((HOURS - 1) * 3600);
            assertEquals(3600, query.samples(TAGS.get(3), lastHour, lastHour.plusSeconds(3600), 10_000).size(),
                    "the newest hour is kept");
            assertEquals(0, query.samples(TAGS.get(3), T0, T0.plusSeconds(3600), 10).size(), "the oldest went");
        }
        long shrunk = fileBytes();
        assertTrue(shrunk <= limit, "file of " + shrunk + " B fits the limit of " + limit + " B (was " + full + ")");
    }

    /** 4 tags x 24 h at 1 Hz, folded; an old and a new gap, an old and a new alarm event. */
    private void fill() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir);
             HistoryWriter writer = new HistoryWriter(db, 100_000)) {
            for (int s = 0; s < HOURS * 3600; s++) {
                for (int t = 0; t < TAGS.size(); t++) {
                    writer.put(Samples.good(TAGS.get(t), T0.plusSeconds(s), Math.round(Math.sin(s / 300.0 + t) * 1e4) / 100.0,
                            s + 1));
                }
            }
            writer.putGap(new TagGap(TAGS.get(2), T0.plusSeconds(100), T0.plusSeconds(200), 3));
            writer.putGap(new TagGap(TAGS.get(2), T0.plusSeconds(23 * 3600), T0.plusSeconds(23 * 3600 + 10), 3));
            assertTrue(writer.awaitFolded(Duration.ofSeconds(120)));
            for (Instant at : List.of(T0.plusSeconds(60), T0.plusSeconds(23 * 3600))) {
                try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO alarm_event"
                        + " (ts, alarm_id, trig, from_state, to_state, priority, area, station, tag, val, usr, note, message)"
                        + " VALUES (?, 'a', 'RAISE', 'NORMAL', 'ACTIVE', 'HIGH', 'x', 'y', 'z', '1', '', '', 'm')")) {
                    ps.setLong(1, at.toEpochMilli());
                    ps.executeUpdate();
                }
            }
        }
    }

    private long fileBytes() throws Exception {
        return Files.size(dir.resolve("history.mv.db"));
    }

    private static long count(HistoryDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
