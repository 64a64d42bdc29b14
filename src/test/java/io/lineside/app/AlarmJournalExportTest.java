package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.Priority;
import io.lineside.security.AccessDeniedException;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.ui.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV export of the journal: a supervisor's export is audited and written; an operator's is refused, no file. */
class AlarmJournalExportTest {

    @TempDir
    Path dir;

    @Test
    void aSupervisorExportsAndIsAuditedAnOperatorIsRefused() throws Exception {
        try (SecurityServices security = new SecurityServices(dir, "ws", Clock.systemUTC(), new PasswordHasher(1_000))) {
            security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
            security.session().login("admin", "admin-pass-1".toCharArray());
            security.users().createUser(security.session(), "sue", null, Role.SUPERVISOR, "sue-pass-12".toCharArray());
            security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
            AlarmJournalExport export = new AlarmJournalExport(security.actions(), Texts.forLocale(Locale.ENGLISH));
            List<AlarmEvent> rows = List.of(new AlarmEvent(Instant.parse("2026-11-26T06:00:00Z"), "P-FAULT",
                    AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.HIGH, "assembly",
                    "demo/assembly/line-1/press", "demo/assembly/line-1/press/state", "fault", "sue",
                    "=HYPERLINK(\"x\")", "Press fault"));

            security.session().login("olga", "olga-pass-1".toCharArray());
            Path refused = dir.resolve("olga.csv");
            assertThrows(AccessDeniedException.class, () -> export.export(rows, refused));
            assertFalse(Files.exists(refused));
            assertEquals(AuditResult.DENIED, security.audit().latest(1).getFirst().entry().result());

            security.session().login("sue", "sue-pass-12".toCharArray());
            Path file = dir.resolve("journal.csv");
            assertEquals("Exported 1 rows to " + file + ".", export.export(rows, file));
            String csv = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(csv.contains("P-FAULT"), csv);
            assertTrue(csv.contains("'=HYPERLINK"), "a formula is defused: " + csv);
            assertEquals(AlarmJournalExport.ACTION, security.audit().latest(1).getFirst().entry().action());
            assertEquals("sue", security.audit().latest(1).getFirst().entry().actor().userName());
        }
    }
}
