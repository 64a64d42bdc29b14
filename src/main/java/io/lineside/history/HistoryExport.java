package io.lineside.history;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Raw samples as CSV for supervisors ({@code lineside export}): one row per stored sample, in tag then
 * source-time order, streamed from the database (never held in memory).
 *
 * <p>Columns: {@code tag,source_time,seq,received_time,value,quality}; times are ISO-8601 UTC, {@code value}
 * is the number or the text, {@code quality} is GOOD/UNCERTAIN/BAD/STALE. Text cells are quoted and a leading
 * {@code = + - @} is defused so a spreadsheet does not run it as a formula.
 *
 * <p>Safe from any thread: each call uses its own connection.
 */
public final class HistoryExport {

    public static final String HEADER = "tag,source_time,seq,received_time,value,quality";

    private static final Quality[] QUALITIES = Quality.values();
    private static final String TAGS = "SELECT id, path FROM tag WHERE (? OR path = ANY(?)) ORDER BY path";

    private final HistoryDatabase database;

    public HistoryExport(HistoryDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Writes the header and every sample of {@code tags} (all tags when empty) with source time in
     * {@code [from, to)} to {@code out}; returns the number of rows written.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public long writeCsv(List<TagPath> tags, Instant from, Instant to, Writer out) throws HistoryException, IOException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("need from < to, got " + from + " and " + to);
        }
        out.write(HEADER + "\n");
        long rows = 0;
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        try (Connection c = database.connect()) {
            Map<Integer, String> selected = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(TAGS)) {
                ps.setBoolean(1, tags.isEmpty());
                ps.setObject(2, tags.stream().map(TagPath::toString).toArray(String[]::new));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        selected.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            StringBuilder line = new StringBuilder(128);
            for (Map.Entry<Integer, String> tag : selected.entrySet()) {
                // Packed hours and live rows, merged hour by hour so memory stays at one hour of one tag
                TreeMap<Long, byte[]> blocks = StoredSamples.blocks(c, tag.getKey(), start, end);
                SampleColumns live = StoredSamples.rows(c, tag.getKey(), start, end, Long.MAX_VALUE, false);
                TreeSet<Long> hours = new TreeSet<>(blocks.keySet());
                for (int i = 0; i < live.size; i++) {
                    hours.add(StoredSamples.hourOf(live.ts[i]));
                }
                String cellPath = cell(tag.getValue());
                int next = 0; // live rows are in ts order, like the hours
                for (long hour : hours) {
                    SampleColumns rowsOfHour = new SampleColumns(16);
                    for (; next < live.size && live.ts[next] < hour + Rollups.HOUR; next++) {
                        rowsOfHour.add(live.ts[next], live.seq[next], live.recv[next], live.num[next], live.txt[next],
                                live.quality[next]);
                    }
                    byte[] block = blocks.get(hour);
                    SampleColumns s = block == null ? rowsOfHour : BlockCodec.decode(block).mergedWith(rowsOfHour);
                    for (int i = 0; i < s.size; i++) {
                        if (s.ts[i] < start || s.ts[i] >= end) {
                            continue;
                        }
                        line.setLength(0);
                        line.append(cellPath).append(',').append(Instant.ofEpochMilli(s.ts[i])).append(',')
                                .append(s.seq[i]).append(',').append(Instant.ofEpochMilli(s.recv[i])).append(',');
                        if (s.isNumeric(i)) {
                            line.append(s.num[i]);
                        } else if (s.txt[i] != null) {
                            line.append(cell(s.txt[i]));
                        }
                        line.append(',').append(QUALITIES[s.quality[i]]).append('\n');
                        out.write(line.toString());
                        rows++;
                    }
                }
            }
        } catch (SQLException | IllegalArgumentException e) {
            throw new HistoryException("cannot export history: " + e.getMessage(), e);
        }
        out.flush();
        return rows;
    }

    static String cell(String text) {
        String safe = text;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
