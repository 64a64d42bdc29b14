package io.lineside.history;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads history for charts and reports. Trends are down-sampled in the database, never fetched as raw rows.
 *
 * <p>Safe from any thread: each call uses its own connection. Calls do I/O; never make them on the FX thread.
 */
public final class HistoryQuery {

    private static final int GOOD = Quality.GOOD.ordinal();
    private static final Quality[] QUALITIES = Quality.values();

    // Bucket b holds ts with floor((ts - from) * buckets / (to - from)) = b. The inner query reads only
    // (tag_id, ts, quality, num), all in the covering index sample_trend. First/last are then two point
    // look-ups per bucket at the bucket's earliest/latest GOOD source time.
    private static final String TREND = "SELECT g.b, g.n, g.good, g.worst, g.lo, g.hi,"
            + " (SELECT f.num FROM sample f WHERE f.tag_id = ? AND f.ts = g.t0 AND f.quality = " + GOOD
            + "    AND f.num IS NOT NULL ORDER BY f.seq LIMIT 1) AS first_num,"
            + " (SELECT l.num FROM sample l WHERE l.tag_id = ? AND l.ts = g.t1 AND l.quality = " + GOOD
            + "    AND l.num IS NOT NULL ORDER BY l.seq DESC LIMIT 1) AS last_num"
            + " FROM (SELECT s.b, COUNT(*) AS n,"
            + "   SUM(CASE WHEN s.quality = " + GOOD + " THEN 1 ELSE 0 END) AS good, MAX(s.quality) AS worst,"
            + "   MIN(CASE WHEN s.quality = " + GOOD + " THEN s.num END) AS lo,"
            + "   MAX(CASE WHEN s.quality = " + GOOD + " THEN s.num END) AS hi,"
            + "   MIN(CASE WHEN s.quality = " + GOOD + " THEN s.ts END) AS t0,"
            + "   MAX(CASE WHEN s.quality = " + GOOD + " THEN s.ts END) AS t1"
            + "  FROM (SELECT (ts - ?) * ? / ? AS b, ts, quality, num FROM sample"
            + "    WHERE tag_id = ? AND ts >= ? AND ts < ? AND num IS NOT NULL) s"
            + "  GROUP BY s.b) g"
            + " ORDER BY g.b";

    private final HistoryDatabase database;

    public HistoryQuery(HistoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The numeric samples of {@code path} with source time in {@code [from, to)}, down-sampled into
     * {@code buckets} equal buckets. Only non-empty buckets are returned, in time order: a missing bucket is a
     * gap in the data. Text samples are ignored; see {@link TrendBucket} for how quality is treated.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to} or {@code buckets < 1}
     */
    public List<TrendBucket> trend(TagPath path, Instant from, Instant to, int buckets) throws HistoryException {
        Objects.requireNonNull(path, "path");
        long start = from.toEpochMilli();
        long span = to.toEpochMilli() - start;
        if (span <= 0 || buckets < 1) {
            throw new IllegalArgumentException("need from < to and buckets >= 1, got " + from + ", " + to
                    + ", " + buckets);
        }
        Math.multiplyExact(span, (long) buckets); // the SQL multiplies (ts - from) by buckets: refuse overflow
        try (Connection c = database.connect()) {
            Integer tagId = tagId(c, path);
            List<TrendBucket> result = new ArrayList<>();
            if (tagId == null) {
                return result;
            }
            try (PreparedStatement ps = c.prepareStatement(TREND)) {
                ps.setInt(1, tagId);
                ps.setInt(2, tagId);
                ps.setLong(3, start);
                ps.setLong(4, buckets);
                ps.setLong(5, span);
                ps.setInt(6, tagId);
                ps.setLong(7, start);
                ps.setLong(8, start + span);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long b = rs.getLong(1);
                        result.add(new TrendBucket(
                                Instant.ofEpochMilli(start + Math.ceilDiv(b * span, buckets)),
                                Instant.ofEpochMilli(start + Math.ceilDiv((b + 1) * span, buckets)),
                                nanIfNull(rs, 5), nanIfNull(rs, 6), nanIfNull(rs, 7), nanIfNull(rs, 8),
                                rs.getLong(2), rs.getLong(3), QUALITIES[rs.getInt(4)]));
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw new HistoryException("cannot read the trend of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The gaps (telemetry known to be missing) of {@code path} that overlap {@code [from, to)}, oldest first:
     * its own sequence jumps and every-tag gaps (a lost broker session, {@link TagGap#allTags()}). A trend must
     * draw a break across each, even where buckets on both sides hold values.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public List<TagGap> gaps(TagPath path, Instant from, Instant to) throws HistoryException {
        Objects.requireNonNull(path, "path");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("need from < to, got " + from + ", " + to);
        }
        try (Connection c = database.connect()) {
            return GapRows.overlapping(c, tagId(c, path), path, from, to);
        } catch (SQLException e) {
            throw new HistoryException("cannot read the gaps of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The samples of text tag {@code path} with source time in {@code [from, to)} where its value or quality changed,
     * oldest first. A silence longer than {@code silence} shows as a STALE sample without text at the last sample
     * before it (then the next sample is kept), so a reader can tell "no data" from "unchanged". The rows are read in order and thinned here: a state tag repeats its value every second.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public List<TextSample> textChanges(TagPath path, Instant from, Instant to, java.time.Duration silence)
            throws HistoryException {
        Objects.requireNonNull(path, "path");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("need from < to, got " + from + ", " + to);
        }
        try (Connection c = database.connect()) {
            List<TextSample> out = new ArrayList<>();
            Integer tagId = tagId(c, path);
            if (tagId == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ts, txt, quality FROM sample"
                    + " WHERE tag_id = ? AND ts >= ? AND ts < ? ORDER BY ts, seq")) {
                ps.setInt(1, tagId);
                ps.setLong(2, from.toEpochMilli());
                ps.setLong(3, to.toEpochMilli());
                ps.setFetchSize(1_000);
                long quiet = silence.toMillis();
                TextSample previous = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TextSample s = new TextSample(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                                QUALITIES[rs.getInt(3)]);
                        boolean silent = previous != null
                                && s.time().toEpochMilli() - previous.time().toEpochMilli() > quiet;
                        if (silent) { // no data from the last sample before the silence
                            out.add(new TextSample(previous.time(), null, Quality.STALE));
                        }
                        if (previous == null || silent || !Objects.equals(previous.text(), s.text())
                                || previous.quality() != s.quality()) {
                            out.add(s);
                        }
                        previous = s;
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new HistoryException("cannot read the text history of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The raw samples (numeric and text) of {@code path} with source time in {@code [from, to)}, in source-time
     * order, at most {@code limit}. For short ranges and sparse tags (states, counters, reasons); charts use
     * {@link #trend}.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public List<TagValue> samples(TagPath path, Instant from, Instant to, int limit) throws HistoryException {
        Objects.requireNonNull(path, "path");
        if (limit < 1) {
            throw new IllegalArgumentException("need limit >= 1, got " + limit);
        }
        return read(path, "SELECT ts, recv_ts, num, txt, quality, seq FROM sample WHERE tag_id = ? AND ts >= ? AND ts < ?"
                + " ORDER BY ts, seq LIMIT ?", from.toEpochMilli(), to.toEpochMilli(), limit);
    }

    /** The last sample of {@code path} with source time before {@code at}: the state a range starts in. */
    public java.util.Optional<TagValue> lastBefore(TagPath path, Instant at) throws HistoryException {
        Objects.requireNonNull(path, "path");
        return read(path, "SELECT ts, recv_ts, num, txt, quality, seq FROM sample WHERE tag_id = ? AND ts >= ? AND ts < ?"
                + " ORDER BY ts DESC, seq DESC LIMIT ?", Long.MIN_VALUE, at.toEpochMilli(), 1).stream().findFirst();
    }

    private List<TagValue> read(TagPath path, String sql, long from, long to, int limit) throws HistoryException {
        try (Connection c = database.connect()) {
            Integer tagId = tagId(c, path);
            List<TagValue> result = new ArrayList<>();
            if (tagId == null) {
                return result;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, tagId);
                ps.setLong(2, from);
                ps.setLong(3, to);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double num = rs.getDouble(3);
                        Object value = rs.wasNull() ? rs.getString(4) : (Object) num;
                        Quality quality = QUALITIES[rs.getInt(5)];
                        if (value == null && (quality == Quality.GOOD || quality == Quality.UNCERTAIN)) {
                            quality = Quality.BAD; // a stored good sample always has a value; never invent one
                        }
                        result.add(new TagValue(value, Instant.ofEpochMilli(rs.getLong(1)),
                                Instant.ofEpochMilli(rs.getLong(2)), quality, rs.getLong(6)));
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            throw new HistoryException("cannot read the samples of " + path + ": " + e.getMessage(), e);
        }
    }

    /** How many samples the database holds, over all tags. */
    public long sampleCount() throws HistoryException {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sample");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new HistoryException("cannot count history samples: " + e.getMessage(), e);
        }
    }

    /** Every tag with history, in path order. */
    public List<TagPath> tags() throws HistoryException {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT path FROM tag ORDER BY path");
             ResultSet rs = ps.executeQuery()) {
            List<TagPath> tags = new ArrayList<>();
            while (rs.next()) {
                tags.add(TagPath.parse(rs.getString(1)));
            }
            return tags;
        } catch (SQLException e) {
            throw new HistoryException("cannot list history tags: " + e.getMessage(), e);
        }
    }

    private static Integer tagId(Connection c, TagPath path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tag WHERE path = ?")) {
            ps.setString(1, path.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static double nanIfNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
