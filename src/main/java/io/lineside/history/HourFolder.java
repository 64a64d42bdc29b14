package io.lineside.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves finished hours of {@code sample} rows into packed blocks plus minute/hour rollups ("folding"), on the history
 * writer's thread between batches, so there is never a second writer. One unit is one tag-hour, folded in one
 * transaction: read its rows, merge them with the hour's existing block (a redelivery into a folded hour), write the
 * block and rollups, delete the rows, commit. A kill at any point leaves either the rows or the block, never both
 * and never neither, so acknowledged samples stay exactly once (decision 0005's ack-after-commit is untouched: the
 * rows were committed before their ack, the fold only moves them).
 *
 * <p>An hour is finished once its end is {@code slack} behind the clock; a unit is also left alone until no row
 * has been added to it for {@code quiet}, so a backlog being written is folded once rather than over and over.
 * Writer thread only.
 */
final class HourFolder {

    private static final System.Logger LOG = System.getLogger(HourFolder.class.getName());

    private final Clock clock;
    private final long slackMillis;
    private final long quietNanos;
    /** Unit key (hour index << 32 | tag id) to System.nanoTime() of its last added row. */
    private final TreeMap<Long, Long> pending = new TreeMap<>();
    private boolean scanned;
    /** Ignore the quiet period (a forced fold, see {@link HistoryWriter#awaitFolded}). */
    boolean eager;
    private long folded;
    private long foldedSamples;

    HourFolder(Clock clock, Duration slack, Duration quiet) {
        this.clock = clock;
        this.slackMillis = slack.toMillis();
        this.quietNanos = quiet.toNanos();
    }

    /** Notes rows committed to {@code sample}. */
    void touched(int tagId, long ts) {
        pending.put(key(tagId, StoredSamples.hourOf(ts)), System.nanoTime());
    }

    /** Tag-hours folded since start. */
    long folded() {
        return folded;
    }

    /** Samples moved into blocks since start. */
    long foldedSamples() {
        return foldedSamples;
    }

    /** True when a unit could be folded now (false before the first {@link #step}, which scans the table). */
    boolean hasWork() {
        return next() != null;
    }

    /**
     * Folds finished units, oldest hour first, until none is left or {@code budgetNanos} is spent (at least one
     * unit when there is one). Returns the units folded. On an SQL error the transaction is rolled back, the unit
     * is forgotten until the next start (its rows stay in {@code sample}, still readable) and the error is thrown.
     */
    int step(Connection c, long budgetNanos) throws SQLException {
        if (!scanned) {
            scan(c);
            scanned = true;
        }
        long start = System.nanoTime();
        int units = 0;
        for (Long unit = next(); unit != null; unit = next()) {
            pending.remove(unit);
            try {
                foldedSamples += fold(c, (int) (long) unit, (unit >> 32) * Rollups.HOUR);
                folded++;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                LOG.log(System.Logger.Level.WARNING, "folding tag " + (int) (long) unit + " hour "
                        + (unit >> 32) * Rollups.HOUR + " failed; its rows stay unpacked", e);
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            }
            units++;
            if (System.nanoTime() - start >= budgetNanos) {
                break;
            }
        }
        return units;
    }

    private Long next() {
        long finishedBefore = StoredSamples.hourOf(clock.millis() - slackMillis) / Rollups.HOUR; // hours ending by then
        long now = System.nanoTime();
        for (Map.Entry<Long, Long> e : pending.entrySet()) { // oldest hour first: a backlog costs O(1) per unit
            if (e.getKey() >> 32 >= finishedBefore) {
                return null;
            }
            if (eager || now - e.getValue() >= quietNanos) {
                return e.getKey();
            }
        }
        return null;
    }

    private int fold(Connection c, int tagId, long hour) throws SQLException {
        SampleColumns rows = StoredSamples.rows(c, tagId, hour, hour + Rollups.HOUR, Long.MAX_VALUE, false);
        if (rows.size == 0) {
            return 0;
        }
        byte[] existing = StoredSamples.blocks(c, tagId, hour, hour + 1).get(hour);
        SampleColumns block = existing == null ? rows : BlockCodec.decode(existing).mergedWith(rows);
        StoredSamples.writeBlock(c, tagId, hour, block);
        Rollups.write(c, tagId, hour, block);
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM sample WHERE tag_id = ? AND ts >= ? AND ts < ?")) {
            delete.setInt(1, tagId);
            delete.setLong(2, hour);
            delete.setLong(3, hour + Rollups.HOUR);
            delete.executeUpdate();
        }
        c.commit();
        return rows.size;
    }

    /** Finds the tag-hours already in {@code sample} (rows of a previous run, or a file from before V4). */
    private void scan(Connection c) throws SQLException {
        long old = System.nanoTime() - quietNanos;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT tag_id, ts / " + Rollups.HOUR + " FROM sample");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pending.putIfAbsent(key(rs.getInt(1), rs.getLong(2) * Rollups.HOUR), old);
            }
        }
        c.commit();
    }

    private static long key(int tagId, long hour) {
        return (hour / Rollups.HOUR) << 32 | (tagId & 0xFFFFFFFFL);
    }
}
