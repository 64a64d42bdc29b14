package io.lineside.history;

import io.lineside.store.H2File;
import io.lineside.store.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The embedded H2 file {@code <dir>/history.mv.db}: opens or creates it, migrates its schema (see
 * {@link HistorySchema}), and moves a damaged file into {@code <dir>/quarantine/} rather than failing or deleting it
 * (the rules are {@link H2File}'s, shared with the security database).
 *
 * <p>One instance per directory: an OS lock on {@code history.instance.lock} is held while open. Thread-safe.
 * Close the {@link HistoryWriter} before the database.
 */
public final class HistoryDatabase implements AutoCloseable {

    static final String NAME = "history";
    // Only the validated directory goes between H2File's prefix and this constant: no AUTO_SERVER, no INIT, no
    // user settings.
    // WRITE_DELAY=0: a commit reaches the file before we acknowledge QoS 1 messages; with the default 500 ms a
    // kill -9 lost 262-341 acknowledged samples at 1.5k msg/s (AckAfterCommitIT; decision 0005).
    // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM H2's own shutdown hook would close the file under the writer's final
    // commit ("Database is already closed", seen with `lineside record`); our close() runs from our hook instead.
    private static final String URL_SUFFIX = ";FILE_LOCK=FILE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private final H2File file;
    private volatile boolean compactOnClose;
    private AckLog ackLog; // null when it could not be opened: the writer then forces H2 before each ack (0018)
    private AckReplay.Result replayed;

    private HistoryDatabase(H2File file) {
        this.file = file;
    }

    /**
     * Opens or creates the history database in {@code dbDir} and brings its schema up to date. A damaged file
     * is moved to {@code dbDir/quarantine/history-<UTC time>.mv.db} and a fresh database is created; see
     * {@link #quarantined()}.
     *
     * @throws HistoryInUseException    if another Lineside instance (or this process) has it open
     * @throws HistoryException         if it cannot be opened for another reason
     * @throws IllegalArgumentException if the path contains {@code ;} or control characters
     */
    public static HistoryDatabase open(Path dbDir) throws HistoryException {
        return open(dbDir, "file");
    }

    /** Through H2's file system {@code fileSystem} (see {@link H2File#open(Path, String, String, io.lineside.store.Schema)}). */
    static HistoryDatabase open(Path dbDir, String fileSystem) throws HistoryException {
        Path dir = H2File.validate(dbDir, "history");
        try {
            HistoryDatabase db = new HistoryDatabase(H2File.open(dir, fileSystem, URL_SUFFIX, HistorySchema.SCHEMA));
            db.openAckLog(fileSystem);
            return db;
        } catch (H2File.OpenException e) {
            throw switch (e.reason()) {
                case OTHER_INSTANCE -> new HistoryInUseException(dir, "", null);
                case THIS_PROCESS -> new HistoryInUseException(dir, " (already open in this process)", e);
                case H2_LOCKED -> new HistoryInUseException(dir, " (H2 reports it locked)", e);
                case LOCK_FAILED -> new HistoryException("cannot lock history directory " + dir + ": "
                        + e.getMessage(), e);
                case FAILED -> new HistoryException("cannot open history database in " + dir + ": " + e.getMessage(), e);
            };
        }
    }

    /**
     * Opens the ack log and writes back the batches H2 lost (decision 0019). A log that cannot be opened or read
     * never stops the database opening: it is logged, and acks fall back to forcing H2 itself.
     */
    private void openAckLog(String fileSystem) {
        try {
            AckLog log = AckLog.open(directory(), fileSystem, java.time.Clock.systemUTC());
            replayed = AckReplay.run(this, log);
            ackLog = log;
        } catch (java.io.IOException | RuntimeException e) {
            System.getLogger(HistoryDatabase.class.getName()).log(System.Logger.Level.ERROR,
                    "history ack log in " + directory() + " cannot be opened; acknowledgements fall back to"
                            + " forcing the database (decision 0018)", e);
        }
    }

    /** The redo log of committed batches, or null when it could not be opened. The writer's thread only. */
    AckLog ackLog() {
        return ackLog;
    }

    /** What the write-back at open did; null when the log could not be opened. */
    AckReplay.Result replayed() {
        return replayed;
    }

    /** Where a damaged file was moved when this database was opened; empty if the file was sound. */
    public Optional<Path> quarantined() {
        return file.quarantined();
    }

    /** The directory holding {@code history.mv.db}. */
    public Path directory() {
        return file.directory();
    }

    /** The highest schema version applied to this file. */
    public int schemaVersion() throws HistoryException {
        try (Connection c = connect()) {
            return Schema.version(c);
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history schema version: " + e.getMessage(), e);
        }
    }

    /** A new connection (auto-commit on) owned by the caller, who must close it. */
    Connection connect() throws SQLException {
        return file.connect();
    }

    /**
     * Asks {@link #close} to compact the file fully: H2 2.x reuses freed pages while open but shrinks the file only
     * when it closes, and an ordinary close compacts for at most 200 ms. Set by retention after it dropped data.
     */
    void compactOnClose() {
        compactOnClose = true;
    }

    /**
     * Closes the database once the writer's and queries' connections are closed too; after retention dropped data,
     * first compacts it ({@code SHUTDOWN COMPACT}: seconds for a large file). Idempotent.
     */
    @Override
    public void close() {
        if (ackLog != null) {
            ackLog.close();
        }
        if (compactOnClose) {
            compactOnClose = false;
            try (Connection c = connect(); java.sql.Statement st = c.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                System.getLogger(HistoryDatabase.class.getName()).log(System.Logger.Level.WARNING,
                        "compacting history in " + directory() + " failed; it stays at its size", e);
            }
        }
        file.close();
    }
}
