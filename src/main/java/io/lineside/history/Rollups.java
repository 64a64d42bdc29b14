package io.lineside.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** The {@code sample_minute} and {@code sample_hour} rollups of folded hours (see {@link HourFolder}). */
final class Rollups {

    static final long MINUTE = 60_000;
    static final long HOUR = 3_600_000;
    private static final String COLUMNS = "tag_id, t, n, good_n, first_ts, first, last_ts, last, lo, hi, sum, worst";

    private Rollups() {
    }

    /** Replaces the rollups of the hour starting at {@code hour} with those of {@code block}, in the open transaction. */
    static void write(Connection c, int tagId, long hour, SampleColumns block) throws SQLException {
        BucketStats hourStats = new BucketStats();
        Map<Long, BucketStats> minutes = new HashMap<>();
        for (int i = 0; i < block.size; i++) {
            if (block.isNumeric(i)) {
                long minute = Math.floorDiv(block.ts[i], MINUTE) * MINUTE;
                minutes.computeIfAbsent(minute, m -> new BucketStats())
                        .add(block.ts[i], block.seq[i], block.num[i], block.quality[i]);
                hourStats.add(block.ts[i], block.seq[i], block.num[i], block.quality[i]);
            }
        }
        for (String table : new String[] {"sample_minute", "sample_hour"}) {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM " + table + " WHERE tag_id = ? AND t >= ? AND t < ?")) {
                delete.setInt(1, tagId);
                delete.setLong(2, hour);
                delete.setLong(3, hour + HOUR);
                delete.executeUpdate();
            }
        }
        if (hourStats.n == 0) {
            return; // text only
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample_minute (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, BucketStats> m : minutes.entrySet()) {
                bind(ps, tagId, m.getKey(), m.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample_hour (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, tagId, hour, hourStats);
            ps.executeUpdate();
        }
    }

    /** The rollups of {@code table} for {@code tagId} with {@code t} in [from, to), by {@code t}. */
    static Map<Long, BucketStats> read(Connection c, String table, int tagId, long from, long to) throws SQLException {
        Map<Long, BucketStats> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                + " WHERE tag_id = ? AND t >= ? AND t < ?")) {
            ps.setInt(1, tagId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BucketStats s = new BucketStats();
                    s.n = rs.getInt(3);
                    s.good = rs.getInt(4);
                    if (s.good > 0) {
                        s.firstTs = rs.getLong(5);
                        s.first = rs.getDouble(6);
                        s.lastTs = rs.getLong(7);
                        s.last = rs.getDouble(8);
                        s.lo = rs.getDouble(9);
                        s.hi = rs.getDouble(10);
                        s.sum = rs.getDouble(11);
                    }
                    s.worst = rs.getInt(12);
                    rows.put(rs.getLong(2), s);
                }
            }
        }
        return rows;
    }

    private static void bind(PreparedStatement ps, int tagId, long t, BucketStats s) throws SQLException {
        ps.setInt(1, tagId);
        ps.setLong(2, t);
        ps.setLong(3, s.n);
        ps.setLong(4, s.good);
        if (s.good > 0) {
            ps.setLong(5, s.firstTs);
            ps.setDouble(6, s.first);
            ps.setLong(7, s.lastTs);
            ps.setDouble(8, s.last);
            ps.setDouble(9, s.lo);
            ps.setDouble(10, s.hi);
            ps.setDouble(11, s.sum);
        } else {
            for (int col = 5; col <= 11; col++) {
                ps.setNull(col, col == 5 || col == 7 ? Types.BIGINT : Types.DOUBLE);
            }
        }
        ps.setInt(12, s.worst);
    }
}
