package io.lineside.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned schema of one H2 file. {@code migrations} is append-only: entry {@code i} takes the file to version
 * {@code i + 1}, recorded in {@code schema_version}. Each runs in one transaction with its version row, but H2
 * commits DDL implicitly, so every statement must be re-runnable ({@code IF NOT EXISTS}): a crash halfway is
 * repaired by running the migration again at the next start. Never edit a released migration; append one.
 *
 * @param name       what the file is, for messages ("history", "security")
 * @param migrations the statements of each version, oldest first
 * @param tables     every table (upper case) with the version that created it
 */
public record Schema(String name, List<List<String>> migrations, Map<String, Integer> tables) {

    private static final System.Logger LOG = System.getLogger(Schema.class.getName());

    public Schema {
        migrations = List.copyOf(migrations);
        tables = Map.copyOf(tables);
    }

    /** True if the file records at least version 1 and holds every table of the versions it records. */
    public boolean isComplete(Connection c) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        int version = version(c);
        return version >= 1 && tables.entrySet().stream()
                .filter(t -> t.getValue() <= version)
                .allMatch(t -> present.contains(t.getKey()));
    }

    /** Applies the missing migrations. Refuses a file from a newer Lineside rather than guessing. */
    public void migrate(Connection c, String where) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        int current = version(c);
        if (current > migrations.size()) {
            throw new SQLException(name + " database in " + where + " has schema version " + current
                    + "; this Lineside knows up to " + migrations.size() + " (written by a newer version?)");
        }
        c.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= migrations.size(); version++) {
                try (Statement st = c.createStatement()) {
                    for (String sql : migrations.get(version - 1)) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)")) {
                    ps.setInt(1, version);
                    ps.executeUpdate();
                }
                c.commit();
                LOG.log(Level.INFO, "{0} database in {1} migrated to schema version {2}", name, where, version);
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The highest version recorded, 0 for a new file. */
    public static int version(Connection c) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = 'PUBLIC' AND table_name = 'SCHEMA_VERSION'");
             ResultSet rs = exists.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
