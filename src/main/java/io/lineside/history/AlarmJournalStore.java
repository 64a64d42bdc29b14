package io.lineside.history;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmJournal;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.DurableJournal;
import io.lineside.alarms.JournalFilter;
import io.lineside.alarms.Priority;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The alarm journal in the history database (table {@code alarm_event}, schema V2).
 *
 * <p><b>Durability.</b> Each {@link #append} is one auto-committed insert, so a transition is stored before the
 * engine moves on (alarm rates are low; the history writer's batching is not needed here). When an insert fails the
 * event is kept in order in a bounded retry buffer, counted in {@link #failures()}, and written before the next
 * append or on {@link #retryPending()}; only an overflow of that buffer drops an event, and then it is logged in full
 * and counted in {@link #lost()}. Nothing is lost silently.
 *
 * <p><b>Threading.</b> Safe from any thread: appends are serialised on this object; queries use their own
 * connection. Close it before its {@link HistoryDatabase}.
 */
public final class AlarmJournalStore implements DurableJournal {

    public static final int DEFAULT_MAX_PENDING = 10_000;
    private static final System.Logger LOG = System.getLogger(AlarmJournalStore.class.getName());
    private static final String INSERT = "INSERT INTO alarm_event (ts, alarm_id, trig, from_state, to_state, priority,"
            + " area, station, tag, val, usr, note, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String COLUMNS = "ts, alarm_id, trig, from_state, to_state, priority, area, station, tag,"
            + " val, usr, note, message";

    private final HistoryDatabase database;
    private final int maxPending;
    private final Deque<AlarmEvent> pending = new ArrayDeque<>();
    private Connection connection;
    private long failures;
    private long lost;
    private String lastError = "";
    private boolean failing; // log the start of an outage once, not every failed retry

    /** A journal keeping up to {@link #DEFAULT_MAX_PENDING} events for retry while storage fails. */
    public AlarmJournalStore(HistoryDatabase database) {
        this(database, DEFAULT_MAX_PENDING);
    }

    private final java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();

    AlarmJournalStore(HistoryDatabase database, int maxPending) {
        this.database = database;
        this.maxPending = maxPending;
    }

    /** How many events were ever appended (stored or waiting): goes up with each, so readers know to read again. */
    @Override
    public long appended() {
        return appended.get();
    }

    @Override
    public synchronized void append(AlarmEvent event) {
        appended.incrementAndGet();
        if (pending.size() >= maxPending) {
            lost++;
            LOG.log(Level.ERROR, "alarm journal retry buffer full; event not stored: {0}", pending.removeFirst());
        }
        pending.addLast(event);
        retryPending();
    }

    /** Writes the events kept after a failure, oldest first; returns how many are still waiting. */
    @Override
    public synchronized int retryPending() {
        while (!pending.isEmpty()) {
            try {
                insert(pending.peekFirst());
                pending.removeFirst();
                if (failing && pending.isEmpty()) {
                    failing = false;
                    LOG.log(Level.INFO, "alarm journal writes again; every kept event is stored");
                }
            } catch (SQLException e) {
                failures++;
                lastError = e.getMessage();
                if (!failing) {
                    failing = true;
                    LOG.log(Level.ERROR, "alarm journal write failed; events are kept for retry", e);
                }
                closeConnection();
                break;
            }
        }
        return pending.size();
    }

    private void insert(AlarmEvent e) throws SQLException {
        if (connection == null) {
            connection = database.connect();
        }
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            ps.setLong(1, e.time().toEpochMilli());
            ps.setString(2, clip(e.alarmId(), 64));
            ps.setString(3, e.trigger().name());
            ps.setString(4, e.from().name());
            ps.setString(5, e.to().name());
            ps.setString(6, e.priority().name());
            ps.setString(7, clip(e.area(), 64));
            ps.setString(8, clip(e.station(), 300));
            ps.setString(9, clip(e.tag(), 400));
            ps.setString(10, clip(e.value(), 200));
            ps.setString(11, clip(e.user(), 64));
            ps.setString(12, clip(e.note(), 1000));
            ps.setString(13, clip(e.message(), 500));
            ps.executeUpdate();
        }
    }

    @Override
    public List<AlarmEvent> query(JournalFilter f) throws JournalException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alarm_event WHERE ts >= ? AND ts < ?");
        List<Object> args = new ArrayList<>(List.of(f.from().toEpochMilli(), f.to().toEpochMilli()));
        in(sql, args, "priority", f.priorities().stream().map(Priority::name).toList());
        in(sql, args, "to_state", f.states().stream().map(AlarmState::name).toList());
        if (!f.area().isEmpty()) {
            sql.append(" AND area = ?");
            args.add(f.area());
        }
        if (!f.text().isEmpty()) {
            sql.append(" AND (LOWER(alarm_id) LIKE ? ESCAPE '\\' OR LOWER(message) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(tag) LIKE ? ESCAPE '\\' OR LOWER(usr) LIKE ? ESCAPE '\\' OR LOWER(note) LIKE ? ESCAPE '\\')");
            String like = "%" + f.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            for (int i = 0; i < 5; i++) {
                args.add(like);
            }
        }
        sql.append(" ORDER BY ts, id LIMIT ?");
        args.add(f.limit());
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return read(ps);
        } catch (SQLException | IllegalArgumentException e) {
            throw new JournalException("cannot read the alarm journal: " + e.getMessage(), e);
        }
    }

    /**
     * The newest row of each alarm and trigger over the whole journal, oldest first, in one pass (a window over the
     * table: a start-up read, not a per-alarm lookup).
     */
    @Override
    public List<AlarmEvent> latestPerTrigger() throws JournalException {
        String sql = "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", id, ROW_NUMBER() OVER (PARTITION BY"
                + " alarm_id, trig ORDER BY ts DESC, id DESC) AS rn FROM alarm_event) WHERE rn = 1 ORDER BY ts, id";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps);
        } catch (SQLException | IllegalArgumentException e) {
            throw new JournalException("cannot read the alarm journal: " + e.getMessage(), e);
        }
    }

    static List<AlarmEvent> read(PreparedStatement ps) throws SQLException {
        List<AlarmEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AlarmEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                        AlarmTrigger.valueOf(rs.getString(3)), AlarmState.valueOf(rs.getString(4)),
                        AlarmState.valueOf(rs.getString(5)), Priority.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13)));
            }
        }
        return out;
    }

    /**
     * Records that the workstation runs from {@code start} until at least {@code now} (a heartbeat: called at
     * start-up and about once a minute, so a kill loses at most that minute). Never throws; a failure is logged.
     */
    @Override
    public void recording(Instant start, Instant now) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO recording (start_ts, end_ts) KEY (start_ts) VALUES (?, ?)")) {
            ps.setLong(1, start.toEpochMilli());
            ps.setLong(2, Math.max(start.toEpochMilli(), now.toEpochMilli()));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "recording period not stored: " + e.getMessage());
        }
    }

    @Override
    public List<Recording> recordings(Instant from, Instant to) throws JournalException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT start_ts, end_ts FROM recording WHERE start_ts < ? AND end_ts > ? ORDER BY start_ts")) {
            ps.setLong(1, to.toEpochMilli());
            ps.setLong(2, from.toEpochMilli());
            List<Recording> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recording(Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read the recording periods: " + e.getMessage(), e);
        }
    }

    /** Appends {@code AND column IN (?, ?, ...)}: values are always bound, never spliced into the SQL. */
    private static void in(StringBuilder sql, List<Object> args, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", values.stream().map(v -> "?").toList()))
                .append(')');
        args.addAll(values);
    }

    @Override
    public synchronized long failures() {
        return failures;
    }

    @Override
    public synchronized int pending() {
        return pending.size();
    }

    @Override
    public synchronized long lost() {
        return lost;
    }

    /** The message of the last failed write, or {@code ""}. */
    public synchronized String lastError() {
        return lastError;
    }

    /** Tries once more to write what is pending, then closes the connection. */
    @Override
    public synchronized void close() {
        if (retryPending() > 0) {
            LOG.log(Level.ERROR, "alarm journal closed with {0} event(s) not stored: {1}", pending.size(), pending);
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "closing the alarm journal connection failed", e);
            }
            connection = null;
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
