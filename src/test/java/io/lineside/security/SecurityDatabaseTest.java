package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void usersAndAuditSurviveAReopenAndTheChainContinues() throws Exception {
        try (SecurityFixture fx = new SecurityFixture(dir).withAdmin()) {
            fx.addUser("op", Role.OPERATOR);
        }
        assertTrue(Files.exists(dir.resolve("security.mv.db")));
        try (SecurityFixture fx = new SecurityFixture(dir)) {
            assertFalse(fx.users.needsFirstAdmin());
            assertInstanceOf(AuthResult.Success.class, fx.users.authenticate("op", SecurityFixture.password("op")));
            assertEquals(4, fx.lastAudit().id(), "first admin, its login, create op, op's login");
            assertTrue(fx.audit.verify().intact());
            assertTrue(fx.db.quarantined().isEmpty());
        }
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedClearly() throws Exception {
        try (SecurityDatabase db = SecurityDatabase.open(dir)) {
            SecurityStoreException e = assertThrows(SecurityStoreException.class, () -> SecurityDatabase.open(dir));
            assertTrue(e.getMessage().endsWith("it is already open in this process"), e.getMessage());
        }
        SecurityDatabase.open(dir).close();
    }

    @Test
    void directoryThatWouldAddUrlSettingsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SecurityDatabase.open(dir.resolve("x;INIT=RUNSCRIPT")));
    }

    @Test
    void damagedFileIsQuarantinedNotDeletedAndAFreshOneAsksForTheFirstAdmin() throws Exception {
        try (SecurityFixture fx = new SecurityFixture(dir).withAdmin()) {
            for (int i = 0; i < 50; i++) {
                fx.addUser("user-" + i, Role.OPERATOR);
            }
        }
        Path file = dir.resolve("security.mv.db");
        long size = Files.size(file);
        byte[] garbage = new byte[(int) (size - size / 2)];
        new Random(7).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(size / 2);
            raf.write(garbage);
        }
        byte[] damaged = Files.readAllBytes(file);
        try (SecurityFixture fx = new SecurityFixture(dir)) {
            Path moved = fx.db.quarantined().orElseThrow(() -> new AssertionError("damage not detected"));
            assertEquals(dir.resolve("quarantine"), moved.getParent());
            assertArrayEquals(damaged, Files.readAllBytes(moved));
            assertTrue(fx.users.needsFirstAdmin());
        }
    }

    @Test
    void fileWithoutTheSecuritySchemaIsQuarantinedRatherThanMigratedOver() throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("security"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE something_else (x INT)");
        }
        try (SecurityDatabase db = SecurityDatabase.open(dir)) {
            assertTrue(db.quarantined().isPresent(), "a foreign or emptied file must not silently start a new chain");
        }
    }

    @Test
    void verifierExitCodesSayIntactBrokenOrUnreadable() throws Exception {
        assertEquals(AuditVerifier.UNREADABLE, verify().code());
        assertFalse(Files.exists(dir.resolve("security.mv.db")), "verifying must not create a database");
        try (SecurityFixture fx = new SecurityFixture(dir).withAdmin()) {
            fx.addUser("op", Role.OPERATOR);
        }
        Verified ok = verify();
        assertEquals(AuditVerifier.INTACT, ok.code());
        assertTrue(ok.output().startsWith("Audit trail intact: 3 rows, head hash "), ok.output());
        try (SecurityDatabase db = SecurityDatabase.open(dir); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_append_only");
            st.executeUpdate("UPDATE audit SET role = 'VIEWER' WHERE id = 2");
        }
        Verified broken = verify();
        assertEquals(AuditVerifier.BROKEN, broken.code());
        assertTrue(broken.output().startsWith("Audit trail BROKEN at row 2 (HASH_MISMATCH)"), broken.output());
    }

    private record Verified(int code, String output) {
    }

    private Verified verify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AuditVerifier.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verified(code, out.toString(StandardCharsets.UTF_8));
    }
}
