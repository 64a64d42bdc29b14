package io.lineside.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What people add to a shift, in the history file (schema V7, decision 0024): the reason given to a downtime span,
 * a line's handover note per shift, and a line's sign-off with the figures signed. Plain storage: who may write
 * (and the audit row) is the caller's business. A sign-off is written once and never changed.
 *
 * <p>Safe from any thread: every call uses its own connection.
 */
public final class ShiftBook {

    /**
     * The reason given to one downtime span.
     *
     * @param station   {@code site/area/line/station}
     * @param spanStart the first instant of the span, as the timeline computed it (the key that survives a
     *                  recomputation)
     */
    public record Classification(String station, Instant spanStart, String reason, String note, String user,
                                 Instant at) {
    }

    /** A handover note of a line for one shift ({@code shiftKey} as {@code 2026-11-25/night}). */
    public record Handover(String line, String shiftKey, Instant shiftStart, String note, String user, Instant at) {
    }

    /** A line's shift signed off, with the snapshot of the figures signed (JSON). */
    public record SignOff(String line, String shiftKey, Instant shiftStart, Instant shiftEnd, String user, Instant at,
                          String snapshot) {
    }

    private final HistoryDatabase database;

    public ShiftBook(HistoryDatabase database) {
        this.database = database;
    }

    /** Gives (or replaces) the reason of the span of {@code station} starting at {@code spanStart}. */
    public void classify(Classification c) throws HistoryException {
        update("MERGE INTO downtime_reason (station, span_start, reason, note, usr, at_ts) KEY (station, span_start)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "store the downtime reason", ps -> {
            ps.setString(1, clip(c.station(), 300));
            ps.setLong(2, c.spanStart().toEpochMilli());
            ps.setString(3, clip(c.reason(), 64));
            ps.setString(4, clip(c.note(), 500));
            ps.setString(5, clip(c.user(), 64));
            ps.setLong(6, c.at().toEpochMilli());
        });
    }

    /** The reasons given to spans of the stations of {@code line} ({@code site/area/line}) starting in {@code [from, to)}. */
    public List<Classification> classifications(String line, Instant from, Instant to) throws HistoryException {
        List<Classification> out = new ArrayList<>();
        String like = line.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        query("SELECT station, span_start, reason, note, usr, at_ts FROM downtime_reason WHERE station LIKE ? ESCAPE '\\'"
                + " AND span_start >= ? AND span_start < ? ORDER BY span_start, station", "read downtime reasons", ps -> {
            ps.setString(1, like);
            ps.setLong(2, from.toEpochMilli());
            ps.setLong(3, to.toEpochMilli());
        }, rs -> out.add(new Classification(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)))));
        return out;
    }

    /** Writes (or replaces) the handover note of a line for a shift. */
    public void handover(Handover h) throws HistoryException {
        update("MERGE INTO handover_note (line, shift_key, shift_start, note, usr, at_ts) KEY (line, shift_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)", "store the handover note", ps -> {
            ps.setString(1, clip(h.line(), 300));
            ps.setString(2, clip(h.shiftKey(), 80));
            ps.setLong(3, h.shiftStart().toEpochMilli());
            ps.setString(4, clip(h.note(), 4000));
            ps.setString(5, clip(h.user(), 64));
            ps.setLong(6, h.at().toEpochMilli());
        });
    }

    /** The handover note of {@code line} for the shift {@code shiftKey}, if one was written. */
    public Optional<Handover> handover(String line, String shiftKey) throws HistoryException {
        List<Handover> out = new ArrayList<>();
        query("SELECT line, shift_key, shift_start, note, usr, at_ts FROM handover_note WHERE line = ? AND shift_key = ?",
                "read the handover note", ps -> {
                    ps.setString(1, line);
                    ps.setString(2, shiftKey);
                }, rs -> out.add(handover(rs)));
        return out.stream().findFirst();
    }

    /** The newest note of {@code line} written for a shift that started before {@code shiftStart}: what this shift was handed. */
    public Optional<Handover> handedTo(String line, Instant shiftStart) throws HistoryException {
        List<Handover> out = new ArrayList<>();
        query("SELECT line, shift_key, shift_start, note, usr, at_ts FROM handover_note WHERE line = ? AND shift_start < ?"
                + " ORDER BY shift_start DESC LIMIT 1", "read the handover note", ps -> {
                    ps.setString(1, line);
                    ps.setLong(2, shiftStart.toEpochMilli());
                }, rs -> out.add(handover(rs)));
        return out.stream().findFirst();
    }

    /**
     * Stores a sign-off; a line's shift is signed once.
     *
     * @return false if it was already signed (nothing is changed)
     */
    public boolean signOff(SignOff s) throws HistoryException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO shift_signoff"
                + " (line, shift_key, shift_start, shift_end, usr, at_ts, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, clip(s.line(), 300));
            ps.setString(2, clip(s.shiftKey(), 80));
            ps.setLong(3, s.shiftStart().toEpochMilli());
            ps.setLong(4, s.shiftEnd().toEpochMilli());
            ps.setString(5, clip(s.user(), 64));
            ps.setLong(6, s.at().toEpochMilli());
            ps.setString(7, s.snapshot());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                return false;
            }
            throw new HistoryException("cannot store the sign-off: " + e.getMessage(), e);
        }
    }

    /** The sign-off of {@code line} for the shift {@code shiftKey}, if signed. */
    public Optional<SignOff> signOff(String line, String shiftKey) throws HistoryException {
        return signOffWhere("line = ? AND shift_key = ?", line, shiftKey);
    }

    /** The sign-off of {@code line} whose shift contains {@code t}, if that shift is signed. */
    public Optional<SignOff> signOffCovering(String line, Instant t) throws HistoryException {
        return signOffWhere("line = ? AND shift_start <= ? AND shift_end > ?", line, t.toEpochMilli(), t.toEpochMilli());
    }

    private Optional<SignOff> signOffWhere(String where, Object... args) throws HistoryException {
        List<SignOff> out = new ArrayList<>();
        query("SELECT line, shift_key, shift_start, shift_end, usr, at_ts, snapshot FROM shift_signoff WHERE " + where,
                "read the sign-off", ps -> {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                }, rs -> out.add(new SignOff(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                        rs.getString(7))));
        return out.stream().findFirst();
    }

    private static Handover handover(ResultSet rs) throws SQLException {
        return new Handover(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void update(String sql, String what, Binder binder) throws HistoryException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new HistoryException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private void query(String sql, String what, Binder binder, Row row) throws HistoryException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
