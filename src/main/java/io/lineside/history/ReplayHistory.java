package io.lineside.history;

import io.lineside.alarms.AlarmEvent;
import io.lineside.tags.TagPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Loads a replay window into memory in a handful of set-wide queries (all tags' packed blocks of the window's hours
 * in one, the unfolded rows in one, the gaps in one, the journal in two), never one query per tag per frame. Only a
 * tag with no sample in the hour before the window costs two more look-ups (its last sample before the window).
 *
 * <p>Safe from any thread: each call uses its own connection. Does I/O: never call it on the FX thread.
 */
public final class ReplayHistory {

    private final HistoryDatabase database;

    public ReplayHistory(HistoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Every tag's samples and the alarm journal over {@code [from, to]}. */
    public ReplayRecording load(Instant from, Instant to) throws HistoryException {
        return load(from, to, path -> true);
    }

    /**
     * The samples of the tags {@code wanted} accepts, and the whole alarm journal, over {@code [from, to]}.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public ReplayRecording load(Instant from, Instant to, Predicate<TagPath> wanted) throws HistoryException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("replay window ends before it starts: " + from + " .. " + to);
        }
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        long lead = StoredSamples.hourOf(start) - Rollups.HOUR; // an hour of lead-in finds most tags' starting value
        try (Connection c = database.connect()) {
            Map<Integer, TagPath> tags = tags(c, wanted);
            Map<Integer, SampleColumns> samples = new HashMap<>();
            readBlocks(c, tags, lead, end, samples);
            readRows(c, tags, lead, end, samples);
            Map<Integer, List<long[]>> gaps = new HashMap<>();
            List<long[]> lostLinks = new ArrayList<>();
            readGaps(c, start, end, gaps, lostLinks);
            Map<TagPath, TagTrack> tracks = new HashMap<>();
            for (Map.Entry<Integer, TagPath> tag : tags.entrySet()) {
                int id = tag.getKey();
                SampleColumns s = samples.getOrDefault(id, new SampleColumns(1));
                if (s.size == 0 || s.ts[0] > start) { // nothing before the window in the lead-in: look further back
                    s = StoredSamples.lastPackedBefore(c, id, lead)
                            .mergedWith(StoredSamples.lastRowBefore(c, id, lead)).mergedWith(s);
                }
                SampleColumns window = trimmed(s, start, end);
                if (window.size > 0) {
                    List<long[]> own = new ArrayList<>(gaps.getOrDefault(id, List.of()));
                    own.addAll(lostLinks);
                    tracks.put(tag.getValue(), new TagTrack(window, merged(own)));
                }
            }
            return new ReplayRecording(from, to, tracks, alarmsBefore(c, start), alarmEvents(c, start, end),
                    lostLinks);
        } catch (SQLException | IllegalArgumentException e) {
            throw new HistoryException("cannot load the replay of " + from + " .. " + to + ": " + e.getMessage(), e);
        }
    }

    private static Map<Integer, TagPath> tags(Connection c, Predicate<TagPath> wanted) throws SQLException {
        Map<Integer, TagPath> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, path FROM tag"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TagPath path = TagPath.parse(rs.getString(2));
                if (wanted.test(path)) {
                    tags.put(rs.getInt(1), path);
                }
            }
        }
        return tags;
    }

    private static void readBlocks(Connection c, Map<Integer, TagPath> tags, long from, long to,
                                   Map<Integer, SampleColumns> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_id, data FROM sample_block"
                + " WHERE block_start >= ? AND block_start <= ? ORDER BY tag_id, block_start")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (tags.containsKey(id)) {
                        SampleColumns block = BlockCodec.decode(rs.getBytes(2));
                        out.merge(id, block, SampleColumns::mergedWith);
                    }
                }
            }
        }
    }

    private static void readRows(Connection c, Map<Integer, TagPath> tags, long from, long to,
                                 Map<Integer, SampleColumns> out) throws SQLException {
        Map<Integer, SampleColumns> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_id, ts, seq, recv_ts, num, txt, quality FROM sample"
                + " WHERE ts >= ? AND ts <= ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (!tags.containsKey(id)) {
                        continue;
                    }
                    double num = rs.getDouble(5);
                    if (rs.wasNull()) {
                        num = Double.NaN;
                    }
                    rows.computeIfAbsent(id, k -> new SampleColumns(64))
                            .add(rs.getLong(2), rs.getLong(3), rs.getLong(4), num, rs.getString(6), rs.getInt(7));
                }
            }
        }
        rows.forEach((id, r) -> out.merge(id, r, SampleColumns::mergedWith)); // a live row wins over its packed copy
    }

    private static void readGaps(Connection c, long from, long to, Map<Integer, List<long[]>> perTag,
                                 List<long[]> allTags) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_id, from_ts, to_ts FROM gap"
                + " WHERE from_ts <= ? AND to_ts >= ? ORDER BY from_ts")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    boolean everyTag = rs.wasNull(); // asked right after the column
                    long[] gap = {rs.getLong(2), rs.getLong(3)};
                    if (everyTag) {
                        allTags.add(gap);
                    } else {
                        perTag.computeIfAbsent(id, k -> new ArrayList<>()).add(gap);
                    }
                }
            }
        }
    }

    /** The last sample before {@code from} (the state the window starts in), then every sample up to {@code to}. */
    private static SampleColumns trimmed(SampleColumns s, long from, long to) {
        SampleColumns sorted = s.sorted();
        int first = 0;
        while (first + 1 < sorted.size && sorted.ts[first + 1] <= from) {
            first++;
        }
        SampleColumns out = new SampleColumns(sorted.size - first);
        for (int i = first; i < sorted.size && sorted.ts[i] <= to; i++) {
            out.add(sorted.ts[i], sorted.seq[i], sorted.recv[i], sorted.num[i], sorted.txt[i], sorted.quality[i]);
        }
        return out;
    }

    /** Overlapping gaps joined, as a flat {@code from, to, from, to, ...} array in time order. */
    static long[] merged(List<long[]> gaps) {
        gaps.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[gaps.size() * 2];
        int n = 0;
        for (long[] g : gaps) {
            if (n > 0 && g[0] < out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], g[1]);
            } else {
                out[n++] = g[0];
                out[n++] = g[1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static List<AlarmEvent> alarmsBefore(Connection c, long from) throws SQLException {
        String cols = AlarmJournalStore.COLUMNS;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM (SELECT " + cols + ", id,"
                + " ROW_NUMBER() OVER (PARTITION BY alarm_id, trig ORDER BY ts DESC, id DESC) AS rn FROM alarm_event"
                + " WHERE ts < ?) WHERE rn = 1 ORDER BY ts, id")) {
            ps.setLong(1, from);
            return AlarmJournalStore.read(ps);
        }
    }

    private static List<AlarmEvent> alarmEvents(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AlarmJournalStore.COLUMNS + " FROM alarm_event"
                + " WHERE ts >= ? AND ts <= ? ORDER BY ts, id")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            return AlarmJournalStore.read(ps);
        }
    }
}
