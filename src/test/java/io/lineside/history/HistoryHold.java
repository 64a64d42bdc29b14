package io.lineside.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds a history database in H2's exclusive mode from another connection: every other session (the history
 * writer's included) waits until it is released, like a disk that stopped answering. For window tests that need
 * history to fall behind a real {@code Services}.
 */
public final class HistoryHold implements AutoCloseable {

    private final Connection connection;

    private HistoryHold(Connection connection) {
        this.connection = connection;
    }

    public static HistoryHold exclusive(HistoryDatabase db) throws SQLException {
        Connection c = db.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET EXCLUSIVE 1");
        }
        return new HistoryHold(c);
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET EXCLUSIVE 0");
        } finally {
            connection.close();
        }
    }
}
