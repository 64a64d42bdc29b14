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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads history for charts and reports. Trends are down-sampled next to the database
 * (from packed hours, rollups and live rows; see {@link TrendReader}) and never ship raw rows to the UI.
 *
 * <p>Safe from any thread: each call uses its own connection. Calls do I/O; never make them on the FX thread.
 */
public final class HistoryQuery {

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
        Math.multiplyExact(span, (long) buckets); // bucketing multiplies (ts - from) by buckets: refuse overflow
        try (Connection c = database.connect()) {
            Integer tagId = tagId(c, path);
            List<TrendBucket> result = new ArrayList<>();
            if (tagId == null) {
                return result;
            }
            result.addAll(TrendReader.read(c, tagId, start, span, buckets));
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
     * oldest first, from packed hours and live rows alike. A silence longer than {@code silence} shows as a STALE
     * sample without text at the last sample before it (then the next sample is kept), so a reader can tell "no data"
     * from "unchanged". The samples are thinned here: a state tag repeats its value every second.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public List<TextSample> textChanges(TagPath path, Instant from, Instant to, java.time.Duration silence)
            throws HistoryException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("need from < to, got " + from + ", " + to);
        }
        long quiet = silence.toMillis();
        List<TextSample> out = new ArrayList<>();
        TextSample previous = null;
        for (TagValue v : samples(path, from, to, Integer.MAX_VALUE)) {
            TextSample s = new TextSample(v.sourceTime(), v.value() instanceof String t ? t : null, v.quality());
            boolean silent = previous != null && s.time().toEpochMilli() - previous.time().toEpochMilli() > quiet;
            if (silent) { // no data from the last sample before the silence
                out.add(new TextSample(previous.time(), null, Quality.STALE));
            }
            if (previous == null || silent || !Objects.equals(previous.text(), s.text())
                    || previous.quality() != s.quality()) {
                out.add(s);
            }
            previous = s;
        }
        return out;
    }

    /**
     * The raw samples (numeric, text and value-less) of {@code path} with source time in {@code [from, to)}, in
     * (source time, seq) order, at most {@code limit} of them: from packed hours and live rows alike. For reports
     * that need every value (shift review, export), not for charts (use {@link #trend}).
     *
     * @throws IllegalArgumentException if {@code limit < 1} or {@code from} is after {@code to}
     */
    public List<TagValue> samples(TagPath path, Instant from, Instant to, int limit) throws HistoryException {
        Objects.requireNonNull(path, "path");
        if (limit < 1 || from.isAfter(to)) {
            throw new IllegalArgumentException("need limit >= 1 and from <= to, got " + limit + ", " + from + ", " + to);
        }
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        try (Connection c = database.connect()) {
            Integer tagId = tagId(c, path);
            List<TagValue> result = new ArrayList<>();
            if (tagId == null || start == end) {
                return result;
            }
            // Only the first `limit` rows can make the result; blocks are decoded hour by hour until it is full.
            SampleColumns rows = StoredSamples.rows(c, tagId, start, end, limit, false);
            SampleColumns merged = rows;
            for (Map.Entry<Long, byte[]> block : StoredSamples.blocks(c, tagId, start, end).entrySet()) {
                merged = BlockCodec.decode(block.getValue()).mergedWith(merged);
                if (countIn(merged, start, block.getKey() + Rollups.HOUR) >= limit) {
                    break;
                }
            }
            for (int i = 0; i < merged.size && result.size() < limit; i++) {
                if (merged.ts[i] >= start && merged.ts[i] < end) {
                    result.add(merged.value(i));
                }
            }
            return result;
        } catch (SQLException | IllegalArgumentException e) {
            throw new HistoryException("cannot read the samples of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The last sample of {@code path} with source time before {@code at} (packed or live): the state a range starts
     * in. On the same (ts, seq) a live row wins, as it does in {@link #samples}.
     */
    public Optional<TagValue> lastBefore(TagPath path, Instant at) throws HistoryException {
        Objects.requireNonNull(path, "path");
        long end = at.toEpochMilli();
        try (Connection c = database.connect()) {
            Integer tagId = tagId(c, path);
            if (tagId == null) {
                return Optional.empty();
            }
            SampleColumns live = StoredSamples.lastRowBefore(c, tagId, end);
            SampleColumns packed = StoredSamples.lastPackedBefore(c, tagId, end);
            SampleColumns both = packed.mergedWith(live);
            return both.size == 0 ? Optional.empty() : Optional.of(both.value(both.size - 1));
        } catch (SQLException | IllegalArgumentException e) {
            throw new HistoryException("cannot read the last sample of " + path + " before " + at + ": "
                    + e.getMessage(), e);
        }
    }

    private static int countIn(SampleColumns s, long from, long to) {
        int n = 0;
        for (int i = 0; i < s.size && s.ts[i] < to; i++) {
            n += s.ts[i] >= from ? 1 : 0;
        }
        return n;
    }

    /** How many samples the database holds, over all tags: packed and live. */
    public long sampleCount() throws HistoryException {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM sample)"
                     + " + (SELECT COALESCE(SUM(n), 0) FROM sample_block)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new HistoryException("cannot count history samples: " + e.getMessage(), e);
        }
    }

    /**
     * The newest stored sample of every tag, by source time (then seq), where it carries a publisher seq: one
     * backward walk of the primary key (tag_id, ts, seq) and one block decode per tag, whatever the history's size.
     */
    public List<StreamPosition> streamPositions() throws HistoryException {
        try (Connection c = database.connect();
             PreparedStatement tags = c.prepareStatement("SELECT id, path FROM tag ORDER BY path");
             ResultSet rs = tags.executeQuery()) {
            List<StreamPosition> positions = new ArrayList<>();
            while (rs.next()) {
                // The newest sample is a live row or, once its hour is folded, the end of the tag's newest block.
                int tagId = rs.getInt(1);
                SampleColumns newest = StoredSamples.lastPackedBefore(c, tagId, Long.MAX_VALUE)
                        .mergedWith(StoredSamples.lastRowBefore(c, tagId, Long.MAX_VALUE));
                int last = newest.size - 1;
                if (last >= 0 && newest.seq[last] >= 0) { // a stream without sequence numbers has no position
                    positions.add(new StreamPosition(TagPath.parse(rs.getString(2)), newest.seq[last],
                            Instant.ofEpochMilli(newest.ts[last])));
                }
            }
            return positions;
        } catch (SQLException | IllegalArgumentException e) {
            throw new HistoryException("cannot read the last stream positions: " + e.getMessage(), e);
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

}
