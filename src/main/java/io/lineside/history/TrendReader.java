package io.lineside.history;

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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes one tag's M4 trend from packed blocks, live rows and rollups, exactly as if every raw sample were
 * bucketed: sample {@code ts} goes to bucket {@code (ts - start) * buckets / span}. A minute (or hour) rollup is
 * used only when the whole minute (hour) falls in one bucket and inside the range, and its hour has no live rows
 * waiting to be folded; every other part is read raw (a decoded block merged with its rows). So wide buckets cost
 * rollup rows plus the raw edges, and the result is pixel-exact (HistoryQueryRollupTest proves it). Stateless.
 */
final class TrendReader {

    private final Connection c;
    private final int tagId;
    private final long start;
    private final long end;
    private final long span;
    private final int buckets;
    private final BucketStats[] acc;

    private TrendReader(Connection c, int tagId, long start, long span, int buckets) {
        this.c = c;
        this.tagId = tagId;
        this.start = start;
        this.end = start + span;
        this.span = span;
        this.buckets = buckets;
        this.acc = new BucketStats[buckets];
    }

    /** The trend of {@code tagId} over [start, start + span) in {@code buckets} buckets (span * buckets must fit). */
    static List<TrendBucket> read(Connection c, int tagId, long start, long span, int buckets) throws SQLException {
        return new TrendReader(c, tagId, start, span, buckets).read();
    }

    private List<TrendBucket> read() throws SQLException {
        boolean useMinutes = span >= buckets * Rollups.MINUTE;
        boolean useHours = span >= buckets * Rollups.HOUR;
        SampleColumns rows = StoredSamples.rows(c, tagId, start, end, Long.MAX_VALUE, true);
        Map<Long, SampleColumns> live = byHour(rows);
        Map<Long, BucketStats> minutes = useMinutes
                ? Rollups.read(c, "sample_minute", tagId, start, end) : Map.of();
        Map<Long, BucketStats> hours = useHours ? Rollups.read(c, "sample_hour", tagId, start, end) : Map.of();
        TreeMap<Long, byte[]> blocks = useMinutes ? null : StoredSamples.blocks(c, tagId, start, end);
        TreeSet<Long> blockHours = useMinutes ? blockHours() : new TreeSet<>(blocks.keySet());
        for (long hour : blockHours) {
            SampleColumns liveRows = live.remove(hour);
            if (liveRows != null || !useMinutes) {
                SampleColumns block = BlockCodec.decode(blocks != null ? blocks.get(hour) : block(hour));
                addRaw(liveRows == null ? block : block.mergedWith(liveRows), start, end);
            } else if (useHours && inOneBucket(hour, Rollups.HOUR)) {
                addRollup(hours.get(hour), hour);
            } else {
                SampleColumns block = null;
                for (long m = hour; m < hour + Rollups.HOUR; m += Rollups.MINUTE) {
                    if (inOneBucket(m, Rollups.MINUTE)) {
                        addRollup(minutes.get(m), m);
                    } else if (m + Rollups.MINUTE > start && m < end) {
                        block = block != null ? block : BlockCodec.decode(block(hour));
                        addRaw(block, Math.max(m, start), Math.min(m + Rollups.MINUTE, end));
                    }
                }
            }
        }
        for (SampleColumns unfolded : live.values()) {
            addRaw(unfolded, start, end);
        }
        List<TrendBucket> result = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (acc[b] != null && acc[b].n > 0) {
                result.add(acc[b].toBucket(Instant.ofEpochMilli(start + Math.ceilDiv(b * span, buckets)),
                        Instant.ofEpochMilli(start + Math.ceilDiv((b + 1) * span, buckets))));
            }
        }
        return result;
    }

    private boolean inOneBucket(long from, long length) {
        return from >= start && from + length <= end && bucket(from) == bucket(from + length - 1);
    }

    private int bucket(long ts) {
        return (int) ((ts - start) * buckets / span);
    }

    private BucketStats at(int b) {
        if (acc[b] == null) {
            acc[b] = new BucketStats();
        }
        return acc[b];
    }

    private void addRollup(BucketStats rollup, long t) {
        if (rollup != null) {
            at(bucket(t)).add(rollup);
        }
    }

    /** Adds the numeric samples of {@code s} (in ts order) with ts in [from, to). */
    private void addRaw(SampleColumns s, long from, long to) {
        int i = Arrays.binarySearch(s.ts, 0, s.size, from);
        if (i < 0) {
            i = -i - 1;
        }
        while (i > 0 && s.ts[i - 1] >= from) { // binarySearch hits any of equal times
            i--;
        }
        for (; i < s.size && s.ts[i] < to; i++) {
            if (s.isNumeric(i)) {
                at(bucket(s.ts[i])).add(s.ts[i], s.seq[i], s.num[i], s.quality[i]);
            }
        }
    }

    private static Map<Long, SampleColumns> byHour(SampleColumns rows) {
        Map<Long, SampleColumns> hours = new HashMap<>();
        for (int i = 0; i < rows.size; i++) {
            hours.computeIfAbsent(StoredSamples.hourOf(rows.ts[i]), h -> new SampleColumns(64))
                    .add(rows.ts[i], rows.seq[i], rows.recv[i], rows.num[i], rows.txt[i], rows.quality[i]);
        }
        return hours;
    }

    private TreeSet<Long> blockHours() throws SQLException {
        TreeSet<Long> hours = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT block_start FROM sample_block"
                + " WHERE tag_id = ? AND block_start >= ? AND block_start < ?")) {
            ps.setInt(1, tagId);
            ps.setLong(2, StoredSamples.hourOf(start));
            ps.setLong(3, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hours.add(rs.getLong(1));
                }
            }
        }
        return hours;
    }

    private byte[] block(long hour) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data FROM sample_block WHERE tag_id = ? AND block_start = ?")) {
            ps.setInt(1, tagId);
            ps.setLong(2, hour);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
