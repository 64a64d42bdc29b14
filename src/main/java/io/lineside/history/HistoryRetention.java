package io.lineside.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops history older than a {@link RetentionPolicy}, on the writer's thread between batches and in small
 * transactions (at most {@link #CHUNK} rows each), so live ingest waits for one of them at most. Whole hours go:
 * blocks, their rollups and rows, gaps ending before the cut and alarm events before it.
 *
 * <p>The size limit becomes an age: the newest day of blocks (bytes plus a per-block allowance for its row and
 * rollups) gives the bytes one hour costs, and only as many hours as fit in 90% of the limit are kept. (Reading
 * the file size instead would not work: H2 2.x reuses freed pages but shrinks the file only when it closes, so a
 * size test on the file would keep deleting.) After a run that dropped data, {@link HistoryDatabase#close}
 * compacts the file fully so it really shrinks. Writer thread only.
 */
final class HistoryRetention {

    static final int CHUNK = 1_000;
    /** A block's own row plus its 60 minute and one hour rollup rows, measured with H2 row overhead. */
    static final long ROLLUP_BYTES_PER_BLOCK = 5_000;
    /** What an H2 history file holds besides samples (schema, tags, pages of small tables), left out of the limit. */
    static final long BASE_BYTES = 192 * 1024;
    private static final long INTERVAL_NANOS = 60_000_000_000L;
    private static final long DAY = 24 * Rollups.HOUR;

    private final Clock clock;
    private long lastRun = System.nanoTime() - INTERVAL_NANOS;
    private boolean unfinished;
    private long deleted;

    HistoryRetention(Clock clock) {
        this.clock = clock;
    }

    /** True while a run stopped at its budget and continues at the next turn. */
    boolean unfinished() {
        return unfinished;
    }

    /** Rows deleted since start. */
    long deleted() {
        return deleted;
    }

    /**
     * Runs when due (each minute, or at once while a previous run is unfinished or {@code force}): deletes in
     * chunks until done or {@code budgetNanos} is spent. Returns the rows deleted.
     */
    long step(Connection c, RetentionPolicy policy, long budgetNanos, boolean force) throws SQLException {
        long start = System.nanoTime();
        if (!force && !unfinished && start - lastRun < INTERVAL_NANOS
                || policy.maxAge().isZero() && policy.maxBytes() == 0) {
            return 0;
        }
        lastRun = start;
        long cut = cutoff(c, policy);
        long before = deleted;
        unfinished = false;
        if (cut == Long.MIN_VALUE) {
            return 0;
        }
        List<String> perTag = List.of("DELETE FROM sample_block WHERE tag_id = ? AND block_start < ?",
                "DELETE FROM sample_minute WHERE tag_id = ? AND t < ?", "DELETE FROM sample_hour WHERE tag_id = ? AND t < ?",
                "DELETE FROM sample WHERE tag_id = ? AND ts < ?");
        for (int tag : tagIds(c)) {
            for (String sql : perTag) {
                if (!deleteAll(c, sql + " FETCH FIRST " + CHUNK + " ROWS ONLY", tag, cut, start, budgetNanos)) {
                    unfinished = true;
                    return deleted - before;
                }
            }
        }
        for (String sql : List.of("DELETE FROM gap WHERE to_ts < ?", "DELETE FROM alarm_event WHERE ts < ?")) {
            if (!deleteAll(c, sql + " FETCH FIRST " + CHUNK + " ROWS ONLY", null, cut, start, budgetNanos)) {
                unfinished = true;
                break;
            }
        }
        return deleted - before;
    }

    /** The hour before which history goes, or Long.MIN_VALUE when nothing needs to. */
    long cutoff(Connection c, RetentionPolicy policy) throws SQLException {
        long now = clock.millis();
        long cut = Long.MIN_VALUE;
        if (!policy.maxAge().isZero()) {
            cut = now - policy.maxAge().toMillis();
        }
        if (policy.maxBytes() > 0) {
            long[] rate = bytesPerHour(c); // {bytes per hour, end of the newest hour stored}
            if (rate[0] > 0) {
                long keepHours = Math.max(1, (policy.maxBytes() * 9 / 10 - BASE_BYTES) / rate[0]);
                cut = Math.max(cut, rate[1] - keepHours * Rollups.HOUR);
            }
        }
        return cut == Long.MIN_VALUE ? cut : StoredSamples.hourOf(cut);
    }

    /**
     * What an hour of history costs, from the newest day of blocks (plus live rows at H2's ~62 B each), and where
     * the stored history ends; the size limit keeps the newest hours, whatever the clock says.
     */
    private static long[] bytesPerHour(Connection c) throws SQLException {
        long blockBytes = 0;
        long blocks = 0;
        long blockHours = 0;
        long end = Long.MIN_VALUE;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(block_start) FROM sample_block");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long newest = rs.getLong(1);
            if (!rs.wasNull()) {
                end = newest + Rollups.HOUR;
                try (PreparedStatement day = c.prepareStatement("SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0),"
                        + " COUNT(*), COUNT(DISTINCT block_start) FROM sample_block WHERE block_start > ?")) {
                    day.setLong(1, newest - DAY);
                    try (ResultSet d = day.executeQuery()) {
                        d.next();
                        blockBytes = d.getLong(1);
                        blocks = d.getLong(2);
                        blockHours = d.getLong(3);
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(ts), MAX(ts) FROM sample");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long rows = rs.getLong(1);
            if (rows > 0) {
                long liveHours = Math.max(1, (rs.getLong(3) - rs.getLong(2)) / Rollups.HOUR);
                end = Math.max(end, StoredSamples.hourOf(rs.getLong(3)) + Rollups.HOUR);
                long perHour = (blockHours == 0 ? 0 : (blockBytes + blocks * ROLLUP_BYTES_PER_BLOCK) / blockHours)
                        + rows * 62 / liveHours;
                return new long[] {perHour, end};
            }
        }
        return new long[] {blockHours == 0 ? 0 : (blockBytes + blocks * ROLLUP_BYTES_PER_BLOCK) / blockHours, end};
    }

    private boolean deleteAll(Connection c, String sql, Integer tag, long cut, long start, long budgetNanos)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            while (true) {
                int p = 1;
                if (tag != null) {
                    ps.setInt(p++, tag);
                }
                ps.setLong(p, cut);
                int n = ps.executeUpdate();
                c.commit();
                deleted += n;
                if (n < CHUNK) {
                    return true;
                }
                if (System.nanoTime() - start >= budgetNanos) {
                    return false;
                }
            }
        }
    }

    private static List<Integer> tagIds(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tag ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
