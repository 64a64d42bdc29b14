package io.lineside.security;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger refusing UPDATE and DELETE on {@code audit}, so no code path of the application can rewrite history.
 * Someone with the file can drop it; the hash chain ({@link AuditTrail#verify()}) is what detects that.
 * Public with a public constructor because H2 instantiates it by name.
 */
public final class AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit trail is append-only: rows cannot be changed or deleted", "42000");
    }
}
