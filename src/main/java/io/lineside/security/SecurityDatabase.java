package io.lineside.security;

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
 * The embedded H2 file {@code <dir>/security.mv.db} holding users and the audit trail, apart from the history
 * so that history retention and damage never touch the audit.
 *
 * <p>Opening follows the history database's rules: one instance per directory (an OS lock on
 * {@code security.instance.lock}), an existing file is first looked at read-only (after a crash H2's stale lock
 * file prevents that; then it is checked after the read-write open), and a damaged file, or one without its
 * schema, is moved to {@code <dir>/quarantine/} (never deleted) before a fresh one is created.
 * {@link #quarantined()} reports that, so the application can raise an alarm and audit it: the new file starts a
 * new chain and asks for a first administrator again. Thread-safe.
 */
public final class SecurityDatabase implements AutoCloseable {

    static final String NAME = "security";
    private static final System.Logger LOG = System.getLogger(SecurityDatabase.class.getName());
    // Only the validated directory goes between these constants: no AUTO_SERVER, no INIT, no user settings.
    private static final String URL_PREFIX = "jdbc:h2:file:";
    private static final String URL_SUFFIX = ";FILE_LOCK=FILE";
    private static final String READ_ONLY_SUFFIX = ";FILE_LOCK=FILE;ACCESS_MODE_DATA=r";
    /** H2 errors that mean the file itself is unreadable; anything else is not the file's fault. */
    private static final Set<Integer> DAMAGED = Set.of(ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1,
            ErrorCode.GENERAL_ERROR_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final FileChannel instanceLock;
    private final Connection keeper; // holds the database open between other connections
    private final Path quarantined;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SecurityDatabase(Path directory, FileChannel instanceLock, Connection keeper, Path quarantined) {
        this.directory = directory;
        this.instanceLock = instanceLock;
        this.keeper = keeper;
        this.quarantined = quarantined;
    }

    /**
     * Opens or creates the security database in {@code dir} (e.g. {@code <data>/security}) and brings its schema
     * up to date.
     *
     * @throws SecurityStoreException   if it is in use by another instance or cannot be opened
     * @throws IllegalArgumentException if the path contains {@code ;} or control characters
     */
    public static SecurityDatabase open(Path dir) throws SecurityStoreException {
        Path d = validate(dir);
        FileChannel lock = lockInstance(d);
        try {
            Path moved = null;
            boolean existed = Files.exists(d.resolve(NAME + ".mv.db"));
            if (existed && !soundReadOnly(d)) {
                moved = quarantine(d);
                existed = false;
            }
            Connection keeper;
            try {
                keeper = connect(d, URL_SUFFIX);
            } catch (SQLException e) {
                if (!existed || !hasErrorCode(e, DAMAGED)) {
                    throw e;
                }
                LOG.log(Level.ERROR, "security database in " + d + " is damaged", e);
                moved = quarantine(d);
                keeper = connect(d, URL_SUFFIX);
                existed = false;
            }
            if (existed && !SecuritySchema.SCHEMA.isComplete(keeper)) { // after a crash H2 may have started an empty store
                keeper.close();
                moved = quarantine(d);
                keeper = connect(d, URL_SUFFIX);
            }
            try {
                SecuritySchema.SCHEMA.migrate(keeper, d.toString());
            } catch (SQLException e) {
                keeper.close();
                throw e;
            }
            return new SecurityDatabase(d, lock, keeper, moved);
        } catch (SQLException | IOException | RuntimeException e) {
            release(lock);
            String why = hasErrorCode(e, Set.of(ErrorCode.DATABASE_ALREADY_OPEN_1))
                    ? "it is in use by another program" : e.getMessage();
            throw new SecurityStoreException("cannot open the security database in " + d + ": " + why, e);
        }
    }

    /** Where a damaged file was moved when this database was opened; empty if the file was sound. */
    public Optional<Path> quarantined() {
        return Optional.ofNullable(quarantined);
    }

    /** The directory holding {@code security.mv.db}. */
    public Path directory() {
        return directory;
    }

    /** A new connection (auto-commit on) owned by the caller, who must close it. */
    Connection connect() throws SQLException {
        if (closed.get()) {
            throw new SQLException("the security database in " + directory + " is closed");
        }
        return connect(directory, URL_SUFFIX);
    }

    /** Closes the database. Idempotent; later calls to the services fail with a clear error. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                keeper.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "closing the security database in " + directory + " failed", e);
            } finally {
                release(instanceLock);
            }
        }
    }

    private static Path validate(Path dir) {
        Path d = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        // ';' would start an H2 setting inside the URL; control characters have no place in a path.
        if (d.toString().chars().anyMatch(c -> c == ';' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("security directory must not contain ';' or control characters: " + d);
        }
        return d;
    }

    private static Connection connect(Path dir, String suffix) throws SQLException {
        return DriverManager.getConnection(URL_PREFIX + dir.resolve(NAME) + suffix, "sa", "");
    }

    /** False if an existing file is damaged. After a crash H2's stale lock file forbids this look; then trust H2. */
    private static boolean soundReadOnly(Path dir) throws SQLException {
        if (Files.exists(dir.resolve(NAME + ".lock.db"))) {
            return true;
        }
        try (Connection c = connect(dir, READ_ONLY_SUFFIX)) {
            return SecuritySchema.SCHEMA.isComplete(c);
        } catch (SQLException e) {
            // read-only, H2 reports "read only" when it found no valid content and wanted to start an empty store
            if (hasErrorCode(e, DAMAGED) || hasErrorCode(e, Set.of(ErrorCode.DATABASE_IS_READ_ONLY))) {
                LOG.log(Level.ERROR, "security database in " + dir + " is damaged", e);
                return false;
            }
            throw e;
        }
    }

    private static boolean hasErrorCode(Throwable e, Set<Integer> codes) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && codes.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static FileChannel lockInstance(Path dir) throws SecurityStoreException {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(NAME + ".instance.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("it is in use by another Lineside instance");
            }
            return channel;
        } catch (IOException | OverlappingFileLockException e) {
            release(channel);
            String why = e instanceof OverlappingFileLockException ? "it is already open in this process" : e.getMessage();
            throw new SecurityStoreException("cannot open the security database in " + dir + ": " + why, e);
        }
    }

    private static void release(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "releasing the security instance lock failed", e);
        }
    }

    /** Renames (never deletes) the damaged file into {@code quarantine/}; org.h2.tools.Recover can salvage it. */
    private static Path quarantine(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("quarantine"));
        String stem = NAME + "-" + STAMP.format(Instant.now());
        String unique = stem;
        for (int i = 1; Files.exists(target.resolve(unique + ".mv.db")); i++) {
            unique = stem + "-" + i;
        }
        Path moved = Files.move(dir.resolve(NAME + ".mv.db"), target.resolve(unique + ".mv.db"));
        LOG.log(Level.ERROR, "damaged security database moved to {0}", moved);
        return moved;
    }
}
