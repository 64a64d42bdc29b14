package io.lineside.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL behind {@link UserService}: prepared statements only, names are always bound parameters. */
final class UserStore {

    /** A stored user with the fields only the service may see. */
    record Row(long id, User user, String passwordHash, int failedCount, Instant lockedUntil) {
    }

    private static final String COLUMNS = "id, name, display_name, role, disabled, password_hash, failed_count,"
            + " locked_until";

    private UserStore() {
    }

    static Optional<Row> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE name_key = ?")) {
            ps.setString(1, UserNames.key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static List<User> all(Connection c) throws SQLException {
        List<User> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY name_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(row(rs).user());
            }
        }
        return users;
    }

    static int count(Connection c) throws SQLException {
        return countWhere(c, "");
    }

    static int enabledAdmins(Connection c) throws SQLException {
        return countWhere(c, " WHERE role = 'ADMIN' AND NOT disabled");
    }

    static void insert(Connection c, User user, String passwordHash, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (name, name_key, display_name, role,"
                + " password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, user.name());
            ps.setString(2, UserNames.key(user.name()));
            ps.setString(3, user.displayName());
            ps.setString(4, user.role().name());
            ps.setString(5, passwordHash);
            ps.setBoolean(6, user.disabled());
            ps.setObject(7, utc(now));
            ps.executeUpdate();
        }
    }

    static void setRole(Connection c, long id, Role role) throws SQLException {
        update(c, "UPDATE app_user SET role = ? WHERE id = ?", role.name(), id);
    }

    static void setDisabled(Connection c, long id, boolean disabled) throws SQLException {
        update(c, "UPDATE app_user SET disabled = ? WHERE id = ?", disabled, id);
    }

    /** A new password also ends a lockout: this is how an administrator lets a locked-out user back in. */
    static void setPassword(Connection c, long id, String passwordHash) throws SQLException {
        update(c, "UPDATE app_user SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE id = ?",
                passwordHash, id);
    }

    static void setFailures(Connection c, long id, int failedCount, Instant lockedUntil) throws SQLException {
        update(c, "UPDATE app_user SET failed_count = ?, locked_until = ? WHERE id = ?",
                failedCount, lockedUntil == null ? null : utc(lockedUntil), id);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static int countWhere(Connection c, String where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user" + where);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        User user = new User(rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getBoolean(5));
        OffsetDateTime locked = rs.getObject(8, OffsetDateTime.class);
        return new Row(rs.getLong(1), user, rs.getString(6), rs.getInt(7), locked == null ? null : locked.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
