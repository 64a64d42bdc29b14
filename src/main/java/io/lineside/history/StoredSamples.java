package io.lineside.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;

/**
 * Reads and writes the two homes of a tag's samples: packed hours in {@code sample_block} and live (or redelivered)
 * rows in {@code sample}. A sample lives in exactly one of them except for a redelivery into a folded hour, which
 * waits in {@code sample} until {@link HourFolder} merges it; readers merge by (ts, seq), the row winning.
 */
final class StoredSamples {

    private static final String ROWS = "SELECT ts, seq, recv_ts, num, txt, quality FROM sample"
            + " WHERE tag_id = ? AND ts >= ? AND ts < ?";

    private StoredSamples() {
    }

    /** The hour holding {@code ts}, as epoch ms. */
    static long hourOf(long ts) {
        return Math.floorDiv(ts, Rollups.HOUR) * Rollups.HOUR;
    }

    /** Rows of {@code sample} with ts in [from, to), in (ts, seq) order: at most {@code limit}, numeric only if asked. */
    static SampleColumns rows(Connection c, int tagId, long from, long to, long limit, boolean numericOnly)
            throws SQLException {
        SampleColumns s = new SampleColumns(64);
        try (PreparedStatement ps = c.prepareStatement(ROWS + (numericOnly ? " AND num IS NOT NULL" : "")
                + " ORDER BY ts, seq LIMIT ?")) {
            ps.setInt(1, tagId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setLong(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(s, rs);
                }
            }
        }
        return s;
    }

    /** Appends the row at {@code rs} (ts, seq, recv_ts, num, txt, quality); a null num is NaN. */
    private static void add(SampleColumns s, ResultSet rs) throws SQLException {
        double num = rs.getDouble(4);
        if (rs.wasNull()) { // asked right after the column: the arguments below read others first
            num = Double.NaN;
        }
        s.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), num, rs.getString(5), rs.getInt(6));
    }

    /** The packed blocks of {@code tagId} for the hours that overlap [from, to), by hour. */
    static TreeMap<Long, byte[]> blocks(Connection c, int tagId, long from, long to) throws SQLException {
        TreeMap<Long, byte[]> blocks = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT block_start, data FROM sample_block"
                + " WHERE tag_id = ? AND block_start >= ? AND block_start < ? ORDER BY block_start")) {
            ps.setInt(1, tagId);
            ps.setLong(2, hourOf(from));
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blocks.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        return blocks;
    }

    /** The newest row of {@code sample} with ts before {@code end}, by (ts, seq): zero or one sample. */
    static SampleColumns lastRowBefore(Connection c, int tagId, long end) throws SQLException {
        SampleColumns s = new SampleColumns(1);
        try (PreparedStatement ps = c.prepareStatement("SELECT ts, seq, recv_ts, num, txt, quality FROM sample"
                // tag_id in the ORDER BY too, so H2 walks the primary key backwards instead of sorting the tag's rows
                + " WHERE tag_id = ? AND ts < ? ORDER BY tag_id DESC, ts DESC, seq DESC LIMIT 1")) {
            ps.setInt(1, tagId);
            ps.setLong(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    add(s, rs);
                }
            }
        }
        return s;
    }

    /**
     * The newest packed sample with ts before {@code end}: zero or one. Walks back from the last block that starts
     * before {@code end} (whose samples may all lie at or after it) to the first that has one.
     */
    static SampleColumns lastPackedBefore(Connection c, int tagId, long end) throws SQLException {
        SampleColumns found = new SampleColumns(1);
        try (PreparedStatement ps = c.prepareStatement("SELECT block_start, data FROM sample_block"
                + " WHERE tag_id = ? AND block_start < ? ORDER BY block_start DESC LIMIT 2")) {
            ps.setInt(1, tagId);
            ps.setLong(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                // Blocks are whole hours: if the newest holds nothing before `end`, the one before it holds its last.
                while (rs.next()) {
                    SampleColumns block = BlockCodec.decode(rs.getBytes(2)).sorted();
                    for (int i = block.size - 1; i >= 0; i--) {
                        if (block.ts[i] < end) {
                            found.add(block.ts[i], block.seq[i], block.recv[i], block.num[i], block.txt[i],
                                    block.quality[i]);
                            return found;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Stores {@code samples} (non-empty, all in the hour) as the block of that hour, in the open transaction. */
    static void writeBlock(Connection c, int tagId, long hour, SampleColumns samples) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO sample_block"
                + " (tag_id, block_start, first_ts, last_ts, n, data) KEY (tag_id, block_start)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, tagId);
            ps.setLong(2, hour);
            ps.setLong(3, samples.ts[0]);
            ps.setLong(4, samples.ts[samples.size - 1]);
            ps.setInt(5, samples.size);
            ps.setBytes(6, BlockCodec.encode(samples));
            ps.executeUpdate();
        }
    }
}
