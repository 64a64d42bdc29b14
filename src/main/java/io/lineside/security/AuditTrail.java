package io.lineside.security;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only, hash-chained audit trail in the security database. There is no API to change or delete a row,
 * and an H2 trigger refuses UPDATE and DELETE; someone with the file can still edit it, which {@link #verify()}
 * detects.
 *
 * <p>Writes are serialized (one writer at a time, in this process; the database allows one process), each in one
 * transaction that reads the last row's hash and inserts the next row, followed by {@code CHECKPOINT SYNC} so an
 * acknowledged action's row survives a power loss. Audited actions are human-paced, so the sync is affordable.
 * Safe from any thread.
 */
public final class AuditTrail {

    /** The {@code prev_hash} of row 1. */
    public static final String GENESIS_HASH = "0".repeat(64);
    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());
    private static final String COLUMNS = "id, ts, user_name, role, workstation, action, target, old_value, new_value,"
            + " note, result, prev_hash, hash";

    /** Work done in the audit row's transaction, before the row is written. */
    @FunctionalInterface
    interface InTransaction<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    private final SecurityDatabase db;
    private final String workstation;
    private final Clock clock;
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * @param workstation the name of this workstation, written into every row
     * @param clock       the source of the UTC timestamps
     */
    public AuditTrail(SecurityDatabase db, String workstation, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        if (Objects.requireNonNull(workstation, "workstation").isBlank() || workstation.length() > 200) {
            throw new IllegalArgumentException("workstation name must have 1..200 characters: '" + workstation + "'");
        }
        this.workstation = workstation;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The workstation this trail's rows name. */
    public String workstation() {
        return workstation;
    }

    /** Appends one row and returns it as stored. */
    public AuditRecord append(AuditEntry entry) throws AuditUnavailableException {
        Objects.requireNonNull(entry, "entry");
        return appendWith(entry.action(), c -> entry);
    }

    /**
     * Runs {@code work}, which changes other tables and returns the entry describing what it did, and appends that
     * entry, in one transaction: both happen or neither. If {@code work} throws its own exception nothing is written
     * and the exception propagates, for the caller to audit as it sees fit.
     *
     * @param action names the action in the refusal message if the database fails
     */
    <E extends Exception> AuditRecord appendWith(String action, InTransaction<AuditEntry, E> work)
            throws AuditUnavailableException, E {
        writer.lock();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                AuditRecord record = insert(c, Objects.requireNonNull(work.run(c), "audit entry"));
                c.commit();
                sync(c);
                return record;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "audit row for '" + action + "' could not be written", e);
            throw new AuditUnavailableException(action, e);
        } finally {
            writer.unlock();
        }
    }

    private AuditRecord insert(Connection c, AuditEntry e) throws SQLException {
        long id = 1;
        String prev = GENESIS_HASH;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        Instant ts = clock.instant().truncatedTo(ChronoUnit.MICROS); // the column's precision, so the hash survives
        String hash = AuditChain.hash(id, ts, workstation, e, prev);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setObject(2, OffsetDateTime.ofInstant(ts, ZoneOffset.UTC));
            setText(ps, 3, e.actor().userName());
            ps.setString(4, e.actor().role().name());
            ps.setString(5, workstation);
            ps.setString(6, e.action());
            setText(ps, 7, e.target());
            setText(ps, 8, e.oldValue());
            setText(ps, 9, e.newValue());
            setText(ps, 10, e.note());
            ps.setString(11, e.result().code());
            ps.setString(12, prev);
            ps.setString(13, hash);
            ps.executeUpdate();
        }
        return new AuditRecord(id, ts, workstation, e, prev, hash);
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private void sync(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        } catch (SQLException e) { // the row is committed; it may only be less durable until the next checkpoint
            LOG.log(Level.WARNING, "CHECKPOINT SYNC after an audit row failed", e);
        }
    }

    /**
     * Reads every row in id order and checks ids are consecutive from 1, each row links to the previous row's hash,
     * and each row's hash matches its fields. Stops at the first break.
     */
    public AuditVerification verify() throws SecurityStoreException {
        long expectedId = 1;
        String prev = GENESIS_HASH;
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AuditRecord r;
                try {
                    r = read(rs);
                } catch (IllegalArgumentException e) { // an edited role or result this version does not know
                    return new AuditVerification(expectedId - 1, prev, Optional.of(new AuditVerification.Break(
                            rs.getLong(1), AuditVerification.Problem.HASH_MISMATCH, "unreadable row: " + e.getMessage())));
                }
                String problem = null;
                AuditVerification.Problem kind = null;
                if (r.id() != expectedId) {
                    kind = AuditVerification.Problem.MISSING_ROWS;
                    problem = "rows " + expectedId + (r.id() - 1 > expectedId ? ".." + (r.id() - 1) : "")
                            + " are missing (deleted)";
                } else if (!r.prevHash().equals(prev)) {
                    kind = AuditVerification.Problem.BROKEN_LINK;
                    problem = "its prev_hash does not match the hash of row " + (r.id() - 1);
                } else if (!AuditChain.hash(r.id(), r.timestamp(), r.workstation(), r.entry(), r.prevHash())
                        .equals(r.hash())) {
                    kind = AuditVerification.Problem.HASH_MISMATCH;
                    problem = "its content does not match its hash (the row was changed)";
                }
                if (kind != null) {
                    return new AuditVerification(expectedId - 1, prev,
                            Optional.of(new AuditVerification.Break(r.id(), kind, problem)));
                }
                prev = r.hash();
                expectedId++;
            }
            return new AuditVerification(expectedId - 1, prev, Optional.empty());
        } catch (SQLException e) {
            throw new SecurityStoreException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** The newest {@code limit} rows, newest first, for the audit screen. */
    public List<AuditRecord> latest(int limit) throws SecurityStoreException {
        List<AuditRecord> rows = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException | IllegalArgumentException e) {
            throw new SecurityStoreException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        Actor actor = new Actor(rs.getString(3), Role.valueOf(rs.getString(4)));
        AuditEntry entry = new AuditEntry(actor, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), AuditResult.ofCode(rs.getString(11)));
        Instant ts = rs.getObject(2, OffsetDateTime.class).toInstant();
        return new AuditRecord(rs.getLong(1), ts, rs.getString(5), entry, rs.getString(12), rs.getString(13));
    }
}
