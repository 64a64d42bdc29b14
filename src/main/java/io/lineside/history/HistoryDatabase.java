package io.lineside.history;

import io.lineside.store.Schema;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.api.ErrorCode;

/**
 * The embedded H2 file {@code <dir>/history.mv.db}: opens or creates it, migrates its schema (see
 * {@link HistorySchema}), and moves a damaged file into {@code <dir>/quarantine/} rather than failing or deleting it.
 *
 * <p>Damage is looked for before H2 may write: H2 silently starts an <em>empty</em> store when the tail of a file
 * is garbage, so an existing file is first opened read-only and must hold a complete schema. After a crash H2's
 * stale {@code history.lock.db} prevents that read-only look; the check then happens after the read-write open,
 * when H2 may already have written to the damaged file (it is still quarantined, not deleted).
 *
 * <p>One instance per directory: an OS lock on {@code history.instance.lock} is held while open. Thread-safe.
 * Close the {@link HistoryWriter} before the database.
 */
public final class HistoryDatabase implements AutoCloseable {

    static final String NAME = "history";
    private static final System.Logger LOG = System.getLogger(HistoryDatabase.class.getName());
    // Only the validated directory goes between these constants: no AUTO_SERVER, no INIT, no user settings.
    private static final String URL_PREFIX = "jdbc:h2:file:";
    // WRITE_DELAY=0: a commit reaches the file before we acknowledge QoS 1 messages; with the default 500 ms a
    // kill -9 lost 262-341 acknowledged samples at 1.5k msg/s (AckAfterCommitIT; decision 0005).
    // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM H2's own shutdown hook would close the file under the writer's final
    // commit ("Database is already closed", seen with `lineside record`); our close() runs from our hook instead.
    private static final String URL_SUFFIX = ";FILE_LOCK=FILE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final String READ_ONLY_SUFFIX = ";FILE_LOCK=FILE;ACCESS_MODE_DATA=r";
    /** H2 errors that mean the file itself is unreadable; anything else is not the file's fault. */
    private static final Set<Integer> DAMAGED = Set.of(ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1,
            ErrorCode.GENERAL_ERROR_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2);
    /** Read-only, H2 says this when it found no valid content and wanted to start an empty store. */
    private static final Set<Integer> DAMAGED_READ_ONLY = Set.of(ErrorCode.DATABASE_IS_READ_ONLY);
    private static final Set<Integer> LOCKED = Set.of(ErrorCode.DATABASE_ALREADY_OPEN_1);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final FileChannel instanceLock;
    private final Connection keeper; // holds the database open between other connections
    private final Path quarantined;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HistoryDatabase(Path directory, FileChannel instanceLock, Connection keeper, Path quarantined) {
        this.directory = directory;
        this.instanceLock = instanceLock;
        this.keeper = keeper;
        this.quarantined = quarantined;
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
        Path dir = validate(dbDir);
        FileChannel lock = lockInstance(dir);
        try {
            Path moved = null;
            boolean existed = Files.exists(dbFile(dir));
            if (existed && Files.notExists(dir.resolve(NAME + ".lock.db")) && isDamagedReadOnly(dir)) {
                moved = quarantine(dir);
                existed = false;
            }
            Connection keeper;
            try {
                keeper = connect(dir, URL_SUFFIX);
            } catch (SQLException e) {
                if (!existed || !hasErrorCode(e, DAMAGED)) {
                    throw e;
                }
                LOG.log(Level.ERROR, "history database in " + dir + " is damaged", e);
                moved = quarantine(dir);
                keeper = connect(dir, URL_SUFFIX);
                existed = false;
            }
            if (existed && !HistorySchema.SCHEMA.isComplete(keeper)) {
                keeper.close();
                moved = quarantine(dir);
                keeper = connect(dir, URL_SUFFIX);
            }
            try {
                HistorySchema.SCHEMA.migrate(keeper, dir.toString());
            } catch (SQLException e) {
                keeper.close();
                throw e;
            }
            return new HistoryDatabase(dir, lock, keeper, moved);
        } catch (SQLException e) {
            release(lock);
            if (hasErrorCode(e, LOCKED)) {
                throw new HistoryInUseException(dir, " (H2 reports it locked)", e);
            }
            throw new HistoryException("cannot open history database in " + dir + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw new HistoryException("cannot open history database in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Where a damaged file was moved when this database was opened; empty if the file was sound. */
    public Optional<Path> quarantined() {
        return Optional.ofNullable(quarantined);
    }

    /** The directory holding {@code history.mv.db}. */
    public Path directory() {
        return directory;
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
        if (closed.get()) {
            throw new SQLException("history database in " + directory + " is closed");
        }
        return connect(directory, URL_SUFFIX);
    }

    /** Closes the database once the writer's and queries' connections are closed too. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                keeper.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "closing history database in " + directory + " failed", e);
            } finally {
                release(instanceLock);
            }
        }
    }

    static Path validate(Path dbDir) {
        Path dir = Objects.requireNonNull(dbDir, "dbDir").toAbsolutePath().normalize();
        // ';' would start an H2 setting inside the URL; control characters have no place in a path.
        if (dir.toString().chars().anyMatch(c -> c == ';' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("history directory must not contain ';' or control characters: " + dir);
        }
        return dir;
    }

    static Path dbFile(Path dir) {
        return dir.resolve(NAME + ".mv.db");
    }

    private static Connection connect(Path dir, String suffix) throws SQLException {
        return DriverManager.getConnection(URL_PREFIX + dir.resolve(NAME) + suffix, "sa", "");
    }

    /** The OS lock is released by the OS when a process dies, so unlike H2's lock file it is never stale. */
    private static FileChannel lockInstance(Path dir) throws HistoryException {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(NAME + ".instance.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new HistoryInUseException(dir, "", null);
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            release(channel);
            throw new HistoryInUseException(dir, " (already open in this process)", e);
        } catch (IOException e) {
            release(channel);
            throw new HistoryException("cannot lock history directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void release(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "releasing the history instance lock failed", e);
        }
    }

    /** Looks at an existing file without letting H2 write to it. */
    private static boolean isDamagedReadOnly(Path dir) throws SQLException {
        try (Connection c = connect(dir, READ_ONLY_SUFFIX)) {
            boolean complete = HistorySchema.SCHEMA.isComplete(c);
            if (!complete) {
                LOG.log(Level.ERROR, "history database in {0} lacks its schema: damaged", dir);
            }
            return !complete;
        } catch (SQLException e) {
            if (hasErrorCode(e, DAMAGED) || hasErrorCode(e, DAMAGED_READ_ONLY)) {
                LOG.log(Level.ERROR, "history database in " + dir + " is damaged", e);
                return true;
            }
            throw e;
        }
    }

    /** Renames (never deletes) the damaged file, and its trace log if any, into {@code quarantine/}. */
    private static Path quarantine(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("quarantine"));
        String stem = NAME + "-" + STAMP.format(Instant.now());
        String unique = stem;
        for (int i = 1; Files.exists(target.resolve(unique + ".mv.db")); i++) {
            unique = stem + "-" + i;
        }
        Path moved = Files.move(dbFile(dir), target.resolve(unique + ".mv.db"));
        Path trace = dir.resolve(NAME + ".trace.db");
        if (Files.exists(trace)) {
            Files.move(trace, target.resolve(unique + ".trace.db"));
        }
        LOG.log(Level.ERROR, "damaged history database moved to {0}; org.h2.tools.Recover can salvage it", moved);
        return moved;
    }

    private static boolean hasErrorCode(Throwable e, Set<Integer> codes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && codes.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
