package io.lineside.security;

import io.lineside.store.H2File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

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
    // Only the validated directory goes between H2File's prefix and this constant: no AUTO_SERVER, no INIT.
    private static final String URL_SUFFIX = ";FILE_LOCK=FILE";

    private final H2File file;

    private SecurityDatabase(H2File file) {
        this.file = file;
    }

    /**
     * Opens or creates the security database in {@code dir} (e.g. {@code <data>/security}) and brings its schema
     * up to date.
     *
     * @throws SecurityStoreException   if it is in use by another instance or cannot be opened
     * @throws IllegalArgumentException if the path contains {@code ;} or control characters
     */
    public static SecurityDatabase open(Path dir) throws SecurityStoreException {
        Path d = H2File.validate(dir, "security");
        try {
            return new SecurityDatabase(H2File.open(d, URL_SUFFIX, SecuritySchema.SCHEMA));
        } catch (H2File.OpenException e) {
            String why = switch (e.reason()) {
                case OTHER_INSTANCE -> "it is in use by another Lineside instance";
                case THIS_PROCESS -> "it is already open in this process";
                case H2_LOCKED -> "it is in use by another program";
                case LOCK_FAILED, FAILED -> e.getMessage();
            };
            throw new SecurityStoreException("cannot open the security database in " + d + ": " + why, e);
        }
    }

    /** Where a damaged file was moved when this database was opened; empty if the file was sound. */
    public Optional<Path> quarantined() {
        return file.quarantined();
    }

    /** The directory holding {@code security.mv.db}. */
    public Path directory() {
        return file.directory();
    }

    /** A new connection (auto-commit on) owned by the caller, who must close it. */
    Connection connect() throws SQLException {
        return file.connect();
    }

    /** Closes the database. Idempotent; later calls to the services fail with a clear error. */
    @Override
    public void close() {
        file.close();
    }
}
