package io.lineside.app;

import io.lineside.security.Actor;
import io.lineside.security.AuditEntry;
import io.lineside.security.AuditResult;
import io.lineside.security.AuditTrail;
import io.lineside.security.AuditUnavailableException;
import io.lineside.security.Role;
import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.ConnectionStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes "broker connection lost" and "broker connection restored" audit rows (who: system, target: the broker
 * URL, note: the reason) for every such transition, flapping included (RELIABILITY.md scenarios 1 and 5). Status
 * changes arrive on the MQTT supervisor thread; the rows are written on a thread of our own, so a slow audit file
 * never holds up the link.
 */
final class ConnectionAudit implements AutoCloseable {

    static final String LOST = "broker.connection-lost";
    static final String RESTORED = "broker.connection-restored";
    /** The workstation itself, not a person, noticed the change. */
    static final Actor SYSTEM = new Actor("system", Role.VIEWER);
    private static final System.Logger LOG = System.getLogger(ConnectionAudit.class.getName());

    private final AuditTrail audit;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-connection-audit").daemon().unstarted(r));
    private boolean online; // guarded by this: statuses may come from the supervisor and from the first call
    private boolean lost;

    ConnectionAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /** One status of the broker link. Safe from any thread; never blocks. */
    synchronized void onStatus(ConnectionStatus status) {
        boolean nowOnline = status.state() == ConnectionState.ONLINE;
        if (online && !nowOnline) {
            lost = true;
            write(LOST, status);
        } else if (!online && nowOnline && lost) {
            lost = false;
            write(RESTORED, status);
        }
        online = nowOnline;
    }

    private void write(String action, ConnectionStatus status) {
        AuditEntry entry = new AuditEntry(SYSTEM, action, status.broker(), null, null,
                status.detail().isEmpty() ? null : status.detail(), AuditResult.OK);
        try {
            writer.execute(() -> {
                try {
                    audit.append(entry);
                } catch (AuditUnavailableException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "audit row " + action + " not written: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.DEBUG, "audit row {0} after close: not written", action);
        }
    }

    /** Writes what is queued (bounded wait), then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
