package io.lineside.store;

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
 * One embedded H2 file {@code <dir>/<name>.mv.db}, as history and security open it: one instance per directory
 * (an OS lock on {@code <name>.instance.lock}, released by the OS when a process dies, so never stale), the
 * schema migrated, and a damaged file moved into {@code <dir>/quarantine/} (never deleted) before a fresh one is
 * created.
 *
 * <p>Damage is looked for before H2 may write: H2 silently starts an <em>empty</em> store when the tail of a file
 * is garbage, so an existing file is first opened read-only and must hold a complete schema. After a crash H2's
 * stale {@code <name>.lock.db} prevents that read-only look; the check then happens after the read-write open,
 * when H2 may already have written to the damaged file (it is still quarantined, not deleted). Thread-safe.
 */
public final class H2File implements AutoCloseable {

    /** Why a file could not be opened; each store turns it into its own exception and words. */
    public static final class OpenException extends Exception {

        /** What stood in the way. */
        public enum Reason {
            /** Another Lineside instance holds the directory's lock. */
            OTHER_INSTANCE,
            /** This process has it open already. */
            THIS_PROCESS,
            /** H2 reports the file locked by another program. */
            H2_LOCKED,
            /** The directory's lock file could not be created or locked. */
            LOCK_FAILED,
            /** Anything else; the message says what. */
            FAILED
        }

        private final Reason reason;

        OpenException(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final System.Logger LOG = System.getLogger(H2File.class.getName());
    private static final String FILE = "file";
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
    private final String name;
    private final String fileSystem;
    private final String urlSuffix;
    private final FileChannel instanceLock;
    private final Connection keeper; // holds the database open between other connections
    private final Path quarantined;
    private final AtomicBoolean closed = new AtomicBoolean();

    private H2File(Path directory, String name, String fileSystem, String urlSuffix, FileChannel instanceLock,
                   Connection keeper, Path quarantined) {
        this.directory = directory;
        this.fileSystem = fileSystem;
        this.name = name;
        this.urlSuffix = urlSuffix;
        this.instanceLock = instanceLock;
        this.keeper = keeper;
        this.quarantined = quarantined;
    }

    /**
     * Opens or creates {@code <dir>/<schema.name()>.mv.db} and brings its schema up to date.
     *
     * @param dir       a directory validated with {@link #validate}
     * @param urlSuffix H2 settings after the path, a constant of the caller (never user input)
     */
    public static H2File open(Path dir, String urlSuffix, Schema schema) throws OpenException {
        return open(dir, FILE, urlSuffix, schema);
    }

    /**
     * Like {@link #open(Path, String, Schema)} through H2's file system {@code fileSystem} (a registered
     * {@code org.h2.store.fs.FilePath} scheme; {@code file} is the disk itself). For tests that stand between H2 and
     * the disk, e.g. to cut the power.
     */
    public static H2File open(Path dir, String fileSystem, String urlSuffix, Schema schema) throws OpenException {
        if (!fileSystem.matches("[a-z]{2,20}")) {
            throw new IllegalArgumentException("not an H2 file system name: " + fileSystem);
        }
        String name = schema.name();
        FileChannel lock = lockInstance(dir, name);
        try {
            Path moved = null;
            boolean existed = Files.exists(dir.resolve(name + ".mv.db"));
            if (existed && Files.notExists(dir.resolve(name + ".lock.db")) && isDamagedReadOnly(fileSystem, dir, schema)) {
                moved = quarantine(dir, name);
                existed = false;
            }
            Connection keeper;
            try {
                keeper = connect(fileSystem, dir, name, urlSuffix);
            } catch (SQLException e) {
                if (!existed || !hasErrorCode(e, DAMAGED)) {
                    throw e;
                }
                LOG.log(Level.ERROR, name + " database in " + dir + " is damaged", e);
                moved = quarantine(dir, name);
                keeper = connect(fileSystem, dir, name, urlSuffix);
                existed = false;
            }
            if (existed && !schema.isComplete(keeper)) { // after a crash H2 may have started an empty store
                keeper.close();
                moved = quarantine(dir, name);
                keeper = connect(fileSystem, dir, name, urlSuffix);
            }
            try {
                schema.migrate(keeper, dir.toString());
            } catch (SQLException e) {
                keeper.close();
                throw e;
            }
            return new H2File(dir, name, fileSystem, urlSuffix, lock, keeper, moved);
        } catch (SQLException e) {
            release(lock, name);
            throw new OpenException(hasErrorCode(e, LOCKED) ? OpenException.Reason.H2_LOCKED
                    : OpenException.Reason.FAILED, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            release(lock, name);
            throw new OpenException(OpenException.Reason.FAILED, e.getMessage(), e);
        }
    }

    /**
     * The absolute, normalized directory.
     *
     * @throws IllegalArgumentException if it contains {@code ;} (it would start an H2 setting inside the URL) or
     *                                  control characters
     */
    public static Path validate(Path dir, String what) {
        Path d = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        if (d.toString().chars().anyMatch(c -> c == ';' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(what + " directory must not contain ';' or control characters: " + d);
        }
        return d;
    }

    /** Where a damaged file was moved when this file was opened; empty if it was sound. */
    public Optional<Path> quarantined() {
        return Optional.ofNullable(quarantined);
    }

    public Path directory() {
        return directory;
    }

    /** A new connection (auto-commit on) owned by the caller, who must close it. */
    public Connection connect() throws SQLException {
        if (closed.get()) {
            throw new SQLException(name + " database in " + directory + " is closed");
        }
        return connect(fileSystem, directory, name, urlSuffix);
    }

    /** Closes the file and releases the directory lock. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                keeper.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "closing " + name + " database in " + directory + " failed", e);
            } finally {
                release(instanceLock, name);
            }
        }
    }

    private static Connection connect(String fileSystem, Path dir, String name, String suffix) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:" + fileSystem + ":" + dir.resolve(name) + suffix, "sa", "");
    }

    private static FileChannel lockInstance(Path dir, String name) throws OpenException {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(name + ".instance.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new OpenException(OpenException.Reason.OTHER_INSTANCE, "in use by another Lineside instance",
                        null);
            }
            return channel;
        } catch (OverlappingFileLockException e) {
            release(channel, name);
            throw new OpenException(OpenException.Reason.THIS_PROCESS, "already open in this process", e);
        } catch (IOException e) {
            release(channel, name);
            throw new OpenException(OpenException.Reason.LOCK_FAILED, e.getMessage(), e);
        }
    }

    private static void release(FileChannel channel, String name) {
        try {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "releasing the " + name + " instance lock failed", e);
        }
    }

    /**
     * The schema version of an existing file, looked at read-only (H2 writes nothing to it), for a copy brought from
     * elsewhere that must be refused rather than quarantined when it is damaged.
     *
     * @throws OpenException {@link OpenException.Reason#FAILED} with what is wrong: no file, not a complete
     *                       {@code schema.name()} database, or H2 cannot read it
     */
    public static int inspect(Path dir, Schema schema) throws OpenException {
        String name = schema.name();
        if (!Files.isRegularFile(dir.resolve(name + ".mv.db"))) {
            throw new OpenException(OpenException.Reason.FAILED, "no " + name + ".mv.db", null);
        }
        try (Connection c = connect(FILE, dir, name, READ_ONLY_SUFFIX)) {
            if (Schema.version(c) <= schema.migrations().size() && !schema.isComplete(c)) {
                throw new OpenException(OpenException.Reason.FAILED, "the file is damaged: it lacks the "
                        + name + " tables", null);
            }
            return Schema.version(c);
        } catch (SQLException e) {
            boolean damaged = hasErrorCode(e, DAMAGED) || hasErrorCode(e, DAMAGED_READ_ONLY);
            throw new OpenException(OpenException.Reason.FAILED, (damaged ? "the file is damaged: H2 cannot read it ("
                    : "H2 cannot open it (") + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "no detail" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Looks at an existing file without letting H2 write to it. */
    private static boolean isDamagedReadOnly(String fileSystem, Path dir, Schema schema) throws SQLException {
        try (Connection c = connect(fileSystem, dir, schema.name(), READ_ONLY_SUFFIX)) {
            boolean complete = schema.isComplete(c);
            if (!complete) {
                LOG.log(Level.ERROR, "{0} database in {1} lacks its schema: damaged", schema.name(), dir);
            }
            return !complete;
        } catch (SQLException e) {
            if (hasErrorCode(e, DAMAGED) || hasErrorCode(e, DAMAGED_READ_ONLY)) {
                LOG.log(Level.ERROR, schema.name() + " database in " + dir + " is damaged", e);
                return true;
            }
            throw e;
        }
    }

    /** Renames (never deletes) the damaged file, and its trace log if any, into {@code quarantine/}. */
    private static Path quarantine(Path dir, String name) throws IOException {
        Path target = Files.createDirectories(dir.resolve("quarantine"));
        String stem = name + "-" + STAMP.format(Instant.now());
        String unique = stem;
        for (int i = 1; Files.exists(target.resolve(unique + ".mv.db")); i++) {
            unique = stem + "-" + i;
        }
        Path moved = Files.move(dir.resolve(name + ".mv.db"), target.resolve(unique + ".mv.db"));
        Path trace = dir.resolve(name + ".trace.db");
        if (Files.exists(trace)) {
            Files.move(trace, target.resolve(unique + ".trace.db"));
        }
        LOG.log(Level.ERROR, "damaged {0} database moved to {1}; org.h2.tools.Recover can salvage it", name, moved);
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
