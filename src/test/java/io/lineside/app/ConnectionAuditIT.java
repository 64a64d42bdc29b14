package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.SecurityStoreException;
import io.lineside.telemetry.ConnectionState;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY.md scenario 1's audit rows: a real Mosquitto stopped and started again under the whole spine. */
class ConnectionAuditIT {

    @TempDir
    Path dir;

    @Test
    void brokerStopAndRestartAreAuditedAsLostAndRestoredBySystem() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(AppConfig.demo(), broker.url(), "audit-it-" + System.nanoTime(),
                     dir.resolve("data"), clock);
             SecurityServices security = new SecurityServices(dir.resolve("data"), "ws-audit", clock,
                     new PasswordHasher(1_000));
             ConnectionAudit audit = new ConnectionAudit(security.audit())) {
            services.onConnectionStatus(audit::onStatus);
            Eventually.await("online", Duration.ofSeconds(10),
                    () -> services.connection().status().state() == ConnectionState.ONLINE);
            assertEquals(List.of(), brokerRows(security), "the first connect is no restoration");

            broker.close();
            Eventually.await("lost audited", Duration.ofSeconds(10), () -> brokerRows(security).size() == 1);
            broker.restart();
            Eventually.await("restored audited", Duration.ofSeconds(30), () -> brokerRows(security).size() == 2);

            List<AuditRecord> rows = brokerRows(security);
            AuditRecord lost = rows.get(0);
            AuditRecord restored = rows.get(1);
            assertEquals(ConnectionAudit.LOST, lost.entry().action());
            assertEquals(ConnectionAudit.RESTORED, restored.entry().action());
            for (AuditRecord row : rows) {
                assertEquals("system", row.entry().actor().userName());
                assertEquals(broker.url(), row.entry().target());
                assertEquals(AuditResult.OK, row.entry().result());
                assertEquals("ws-audit", row.workstation());
            }
            assertTrue(lost.entry().note() != null && !lost.entry().note().isBlank(), "the reason is kept");
            assertTrue(!restored.timestamp().isBefore(lost.timestamp()));
            assertTrue(security.audit().verify().intact(), "the rows join the hash chain");
        }
    }

    private static List<AuditRecord> brokerRows(SecurityServices security) {
        try {
            return security.audit().latest(50).stream()
                    .filter(r -> r.entry().action().startsWith("broker."))
                    .sorted(java.util.Comparator.comparingLong(AuditRecord::id))
                    .toList();
        } catch (SecurityStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
