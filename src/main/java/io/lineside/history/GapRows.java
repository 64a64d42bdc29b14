package io.lineside.history;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code gap} table: written inside the history writer's transaction, read by {@link HistoryQuery}. */
final class GapRows {

    /** Looks up (or creates) a tag's id on the caller's connection. */
    @FunctionalInterface
    interface TagIds {
        int of(TagPath path) throws SQLException;
    }

    // Overlap with [from, to): a gap that starts before the window but ends inside it still breaks the line.
    private static final String OVERLAPPING = "SELECT tag_id, from_ts, to_ts, missing, first_seq FROM gap"
            + " WHERE (tag_id = ? OR tag_id IS NULL) AND from_ts < ? AND to_ts >= ? ORDER BY from_ts, id";

    private GapRows() {
    }

    /** Adds {@code gaps} to the open transaction of {@code c}; the caller commits. */
    static void insert(Connection c, List<TagGap> gaps, TagIds ids) throws SQLException {
        insert(c, gaps, ids, false);
    }

    /** With {@code ownTag}, every gap belongs to {@code ids}' one tag, whatever its path says. */
    private static void insert(Connection c, List<TagGap> gaps, TagIds ids, boolean ownTag) throws SQLException {
        if (gaps.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gap (tag_id, from_ts, to_ts, missing, first_seq) VALUES (?, ?, ?, ?, ?)")) {
            for (TagGap gap : gaps) {
                if (gap.allTags() && !ownTag) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, ids.of(gap.path()));
                }
                ps.setLong(2, gap.from().toEpochMilli());
                ps.setLong(3, gap.to().toEpochMilli());
                ps.setLong(4, gap.missing());
                ps.setLong(5, gap.firstSeq());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String FILLED = "SELECT id, from_ts, to_ts, first_seq, missing FROM gap WHERE tag_id = ?"
            + " AND first_seq >= 0 AND first_seq <= ? AND first_seq + missing > ?";

    /**
     * A late sample arrived: the seq-jump gap of its tag that counted {@code seq} as missing (if any) is split
     * around it, so history never calls a received message lost. In the caller's transaction, with the sample.
     *
     * @return how many gap rows changed (0 or 1)
     */
    static int fill(Connection c, int tagId, long seq, long ts) throws SQLException {
        long id;
        long fromTs;
        long toTs;
        long first;
        long missing;
        try (PreparedStatement ps = c.prepareStatement(FILLED)) {
            ps.setInt(1, tagId);
            ps.setLong(2, seq);
            ps.setLong(3, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                id = rs.getLong(1);
                fromTs = rs.getLong(2);
                toTs = rs.getLong(3);
                first = rs.getLong(4);
                missing = rs.getLong(5);
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM gap WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        long at = Math.clamp(ts, fromTs, toTs); // the late sample's time splits the stretch
        List<TagGap> parts = new ArrayList<>(2);
        if (seq > first) {
            parts.add(new TagGap(null, Instant.ofEpochMilli(fromTs), Instant.ofEpochMilli(at), seq - first, first));
        }
        long last = first + missing - 1;
        if (seq < last) {
            parts.add(new TagGap(null, Instant.ofEpochMilli(at), Instant.ofEpochMilli(toTs), last - seq, seq + 1));
        }
        if (!parts.isEmpty()) {
            insert(c, parts, path -> tagId, true);
        }
        return 1;
    }

    /** The gaps of {@code path} (its own, and every-tag ones) that overlap {@code [from, to)}, oldest first. */
    static List<TagGap> overlapping(Connection c, Integer tagId, TagPath path, Instant from, Instant to)
            throws SQLException {
        List<TagGap> gaps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OVERLAPPING)) {
            if (tagId == null) {
                ps.setNull(1, Types.INTEGER); // no samples of its own: only every-tag gaps apply
            } else {
                ps.setInt(1, tagId);
            }
            ps.setLong(2, to.toEpochMilli());
            ps.setLong(3, from.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(1);
                    TagPath of = rs.wasNull() ? null : path;
                    gaps.add(new TagGap(of, Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return gaps;
    }
}
