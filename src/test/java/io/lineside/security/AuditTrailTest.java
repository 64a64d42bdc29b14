package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    @TempDir
    Path dir;
    private SecurityFixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = new SecurityFixture(dir).withAdmin();
        fx.addUser("op", Role.OPERATOR);
        fx.login("op", SecurityFixture.password("op"));
        for (int i = 1; i <= 5; i++) {
            fx.actions.run(Permission.ACKNOWLEDGE_ALARM, "alarm.acknowledge", "L1/S" + i + "/temp-high",
                    "UNACK", "ACK", "checked the cooling, note " + i, () -> { });
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void rowsCarryEveryFieldAndLinkToTheirPredecessor() throws Exception {
        AuditRecord row = fx.lastAudit();
        assertEquals("op", row.entry().actor().userName());
        assertEquals(Role.OPERATOR, row.entry().actor().role());
        assertEquals("ws-line1", row.workstation());
        assertEquals(Instant.parse("2026-03-02T06:00:00Z"), row.timestamp());
        assertEquals("alarm.acknowledge", row.entry().action());
        assertEquals("L1/S5/temp-high", row.entry().target());
        assertEquals("UNACK", row.entry().oldValue());
        assertEquals("ACK", row.entry().newValue());
        assertEquals("checked the cooling, note 5", row.entry().note());
        assertEquals(AuditResult.OK, row.entry().result());
        assertEquals(fx.audit.latest(2).get(1).hash(), row.prevHash());
        assertEquals(AuditTrail.GENESIS_HASH, fx.audit.latest(1000).getLast().prevHash());
    }

    @Test
    void intactChainVerifiesAndReportsItsHead() throws Exception {
        AuditVerification v = fx.audit.verify();
        assertTrue(v.intact(), v.summary());
        assertEquals(fx.audit.latest(1000).size(), v.rowsChecked());
        assertEquals(fx.lastAudit().hash(), v.headHash());
        assertEquals(0, AuditVerifierRun.run(fx, dir).exitCode());
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() throws Exception {
        try (Connection c = fx.jdbc(); Statement st = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE audit SET note = 'nothing happened' WHERE id = 3"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit WHERE id = 3"));
        }
        assertTrue(fx.audit.verify().intact());
    }

    @Test
    void rowTamperedWithPlainJdbcIsDetectedWithItsId() throws Exception {
        long id = fx.audit.latest(3).getLast().id();
        try (Connection c = fx.jdbc(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_append_only"); // as someone with the file would
            assertEquals(1, st.executeUpdate("UPDATE audit SET note = 'nothing to see' WHERE id = " + id));
        }
        AuditVerification v = fx.audit.verify();
        assertFalse(v.intact());
        AuditVerification.Break b = v.firstBreak().orElseThrow();
        assertEquals(id, b.rowId());
        assertEquals(AuditVerification.Problem.HASH_MISMATCH, b.problem());
        assertEquals(id - 1, v.rowsChecked());
        assertTrue(v.summary().startsWith("Audit trail BROKEN at row " + id), v.summary());
    }

    @Test
    void tamperedRowWithARecomputedHashBreaksTheLinkOfTheNextRow() throws Exception {
        AuditRecord victim = fx.audit.latest(3).getLast();
        AuditEntry forged = victim.entry().with(AuditResult.OK, "nothing to see");
        String forgedHash = AuditChain.hash(victim.id(), victim.timestamp(), victim.workstation(), forged,
                victim.prevHash());
        try (Connection c = fx.jdbc(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_append_only");
            st.executeUpdate("UPDATE audit SET note = 'nothing to see', hash = '" + forgedHash + "' WHERE id = "
                    + victim.id());
        }
        AuditVerification.Break b = fx.audit.verify().firstBreak().orElseThrow();
        assertEquals(victim.id() + 1, b.rowId());
        assertEquals(AuditVerification.Problem.BROKEN_LINK, b.problem());
    }

    @Test
    void deletedRowIsDetectedAsAGap() throws Exception {
        long id = fx.audit.latest(4).getLast().id();
        try (Connection c = fx.jdbc(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_append_only");
            assertEquals(1, st.executeUpdate("DELETE FROM audit WHERE id = " + id));
        }
        AuditVerification.Break b = fx.audit.verify().firstBreak().orElseThrow();
        assertEquals(id + 1, b.rowId());
        assertEquals(AuditVerification.Problem.MISSING_ROWS, b.problem());
        assertEquals("rows " + id + " are missing (deleted)", b.detail());
    }

    @Test
    void fieldBoundariesCannotBeShiftedWithoutChangingTheHash() {
        Actor op = new Actor("op", Role.OPERATOR);
        Instant ts = Instant.parse("2026-03-02T06:00:00Z");
        String a = AuditChain.hash(1, ts, "ws", new AuditEntry(op, "x", "ab", "c", null, null, AuditResult.OK),
                AuditTrail.GENESIS_HASH);
        String b = AuditChain.hash(1, ts, "ws", new AuditEntry(op, "x", "a", "bc", null, null, AuditResult.OK),
                AuditTrail.GENESIS_HASH);
        String c = AuditChain.hash(1, ts, "ws", new AuditEntry(op, "x", "a", "bc", "", null, AuditResult.OK),
                AuditTrail.GENESIS_HASH);
        assertFalse(a.equals(b) || b.equals(c), "text moved between fields, or null vs empty, must change the hash");
    }

    @Test
    void actionIsRefusedAndNotRunWhenTheAuditCannotBeWritten() throws Exception {
        fx.db.close();
        AtomicInteger runs = new AtomicInteger();
        AuditUnavailableException e = assertThrows(AuditUnavailableException.class, () -> fx.actions.run(
                Permission.ACKNOWLEDGE_ALARM, "alarm.acknowledge", "L1/S1/temp-high", "UNACK", "ACK", null,
                runs::incrementAndGet));
        assertEquals(0, runs.get());
        assertTrue(e.getMessage().startsWith("'alarm.acknowledge' was refused because the audit trail cannot be"
                + " written"), e.getMessage());
    }

    @Test
    void actionThatThrowsGetsASecondRowWithResultFailed() throws Exception {
        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> fx.actions.run(
                new SecuredActions.Command(Permission.ACKNOWLEDGE_ALARM, "alarm.acknowledge", "L1/S9/x", null, null,
                        null), () -> {
                    throw new IllegalStateException("alarm engine stopped");
                }));
        assertEquals("alarm engine stopped", boom.getMessage());
        AuditRecord failed = fx.lastAudit();
        AuditRecord started = fx.audit.latest(2).get(1);
        assertEquals(AuditResult.OK, started.entry().result());
        assertEquals(AuditResult.FAILED, failed.entry().result());
        assertTrue(failed.entry().note().contains("audit row " + started.id() + " failed")
                && failed.entry().note().contains("alarm engine stopped"), failed.entry().note());
    }

    @Test
    void overlongTextIsCutVisiblyAndStillVerifies() throws Exception {
        fx.actions.run(Permission.ACKNOWLEDGE_ALARM, "alarm.acknowledge", "t", null, null, "\uD83D\uDE00".repeat(3000),
                () -> { });
        String note = fx.lastAudit().entry().note();
        assertTrue(note.length() <= AuditEntry.MAX_TEXT && note.endsWith("...[cut 6000 chars]"), note.substring(0, 20));
        assertFalse(Character.isHighSurrogate(note.charAt(note.indexOf("...[cut") - 1)), "no split surrogate pair");
        assertTrue(fx.audit.verify().intact());
    }

    /** Runs the CLI entry point after closing the fixture's database (the verifier needs it to itself). */
    private record AuditVerifierRun(int exitCode, String output) {
        static AuditVerifierRun run(SecurityFixture fx, Path dir) {
            fx.close();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int code = AuditVerifier.run(dir, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            return new AuditVerifierRun(code, out.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
