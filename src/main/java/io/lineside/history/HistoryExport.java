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
import java.util.List;
import java.util.Objects;

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
    private static final String ROWS = "SELECT t.path, s.ts, s.seq, s.recv_ts, s.num, s.txt, s.quality"
            + " FROM sample s JOIN tag t ON t.id = s.tag_id"
            + " WHERE s.ts >= ? AND s.ts < ? AND (? OR t.path = ANY(?))"
            + " ORDER BY t.path, s.ts, s.seq";

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
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            ps.setFetchSize(1_000);
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            ps.setBoolean(3, tags.isEmpty());
            ps.setObject(4, tags.stream().map(TagPath::toString).toArray(String[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder line = new StringBuilder(128);
                while (rs.next()) {
                    line.setLength(0);
                    line.append(cell(rs.getString(1))).append(',')
                            .append(Instant.ofEpochMilli(rs.getLong(2))).append(',')
                            .append(rs.getLong(3)).append(',')
                            .append(Instant.ofEpochMilli(rs.getLong(4))).append(',');
                    double num = rs.getDouble(5);
                    if (!rs.wasNull()) {
                        line.append(num);
                    } else if (rs.getString(6) != null) {
                        line.append(cell(rs.getString(6)));
                    }
                    line.append(',').append(QUALITIES[rs.getInt(7)]).append('\n');
                    out.write(line.toString());
                    rows++;
                }
            }
        } catch (SQLException e) {
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
