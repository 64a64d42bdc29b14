package io.lineside.history;

import io.lineside.store.H2File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A history file taken to another workstation (a review bundle): the copy is made with H2's online
 * {@code BACKUP TO}, which copies the store while writers go on and is transactionally consistent (H2: "objects are
 * not locked, but the backup is transactionally consistent because the transaction log is also copied"); the copy is
 * opened only after a read-only look, so a damaged or newer file is refused with its reason instead of being
 * quarantined and replaced by an empty one, as a station's own file would be. Stateless; safe from any thread.
 */
public final class HistoryCopy {

    /** The name of the file inside a database directory. */
    public static final String FILE = HistoryDatabase.NAME + ".mv.db";

    /**
     * What a copy holds.
     *
     * @param schemaVersion the schema version of the file
     * @param first         the oldest sample's source time, empty when it holds no sample
     * @param last          the newest sample's source time, empty when it holds no sample
     */
    public record Contents(int schemaVersion, Optional<Instant> first, Optional<Instant> last) {
    }

    private HistoryCopy() {
    }

    /**
     * Writes a consistent copy of {@code database}'s file to {@code target} (a plain {@value #FILE}) while the writer
     * may keep writing, and says what the copy holds at least (the range is read just before the copy is taken).
     * Blocking: seconds for a large file.
     */
    public static Contents copy(HistoryDatabase database, Path target) throws HistoryException {
        Path zip = target.resolveSibling(target.getFileName() + ".h2backup.zip");
        try (Connection c = database.connect()) {
            Contents contents = contents(c);
            try (PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, zip.toAbsolutePath().toString());
                ps.execute();
            }
            unzipStore(zip, target);
            return contents;
        } catch (SQLException | IOException e) {
            throw new HistoryException("cannot copy the history database: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                System.getLogger(HistoryCopy.class.getName()).log(System.Logger.Level.WARNING,
                        "temporary history backup " + zip + " not deleted", e);
            }
        }
    }

    /**
     * Opens a copy in {@code dbDir} (a private directory: the copy is migrated there when it is older): refused with
     * the reason when it is damaged, not a history database, or written by a newer Lineside.
     */
    public static HistoryDatabase open(Path dbDir) throws HistoryException {
        Path dir = H2File.validate(dbDir, "history");
        int version;
        try {
            version = H2File.inspect(dir, HistorySchema.SCHEMA);
        } catch (H2File.OpenException e) {
            throw new HistoryException("the history database cannot be read: " + e.getMessage(), e);
        }
        int known = HistorySchema.MIGRATIONS.size();
        if (version > known) {
            throw new HistoryException("the history database has schema version " + version + ", written by a newer"
                    + " Lineside; this one reads up to version " + known + ": open it with a newer Lineside", null);
        }
        HistoryDatabase db = HistoryDatabase.open(dir);
        if (db.quarantined().isPresent()) { // damaged past what the read-only look saw: never review an empty file
            db.close();
            throw new HistoryException("the history database is damaged (H2 could not open it for reading)", null);
        }
        return db;
    }

    /** What {@code database} holds. */
    public static Contents contents(HistoryDatabase database) throws HistoryException {
        try (Connection c = database.connect()) {
            return contents(c);
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history's time range: " + e.getMessage(), e);
        }
    }

    private static Contents contents(Connection c) throws SQLException {
        // LEAST and GREATEST are NULL when either side is: a file whose samples are all folded has no row in sample
        String firstRow = "(SELECT MIN(ts) FROM sample)";
        String firstBlock = "(SELECT MIN(first_ts) FROM sample_block)";
        String lastRow = "(SELECT MAX(ts) FROM sample)";
        String lastBlock = "(SELECT MAX(last_ts) FROM sample_block)";
        try (PreparedStatement ps = c.prepareStatement("SELECT LEAST(COALESCE(" + firstRow + ", " + firstBlock + "),"
                + " COALESCE(" + firstBlock + ", " + firstRow + ")), GREATEST(COALESCE(" + lastRow + ", " + lastBlock + "),"
                + " COALESCE(" + lastBlock + ", " + lastRow + "))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long first = rs.getLong(1);
            Optional<Instant> from = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(first));
            long last = rs.getLong(2);
            Optional<Instant> to = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
            return new Contents(io.lineside.store.Schema.version(c), from, to);
        }
    }

    /** H2's backup zip holds the store file under its own name; only that entry is taken. */
    private static void unzipStore(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(FILE)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException("H2's backup holds no " + FILE);
    }
}
