package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 alone under {@link PowerCut}: insert, commit, {@code CHECKPOINT SYNC}, and count the rows as durable; cut; reopen.
 * On demand ({@code -Dpowercut.rounds=80}): with H2 2.5.252 it lost its last few forced commits in 2 of 80 rounds
 * (e.g. 1,998 of 3,724 rows forced in that round), so a forced commit is not always what MVStore recovers after a
 * crash that drops unforced writes. Kept as the evidence for decision 0018.
 */
class H2RecoveryPowerCutTest {
    @TempDir Path dir;

    @Test
    void everyForcedCommitIsRecoveredAfterACut() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PowerCutTest.ROUNDS > 0, "on demand: -Dpowercut.rounds=80");
        PowerCut.install();
        String url = dir.resolve("x") + ";FILE_LOCK=FILE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + url)) {
            c.createStatement().execute("CREATE TABLE t(id BIGINT PRIMARY KEY, v DOUBLE, pad VARCHAR(200))");
        }
        long next = 1;
        java.util.Random rnd = new java.util.Random();
        int fails = 0;
        for (int round = 0; round < PowerCutTest.ROUNDS; round++) {
            AtomicLong acked = new AtomicLong(next - 1);
            AtomicBoolean stop = new AtomicBoolean();
            long first = next;
            Connection c = DriverManager.getConnection("jdbc:h2:powercut:" + url);
            c.setAutoCommit(false);
            AtomicLong fed = new AtomicLong(first - 1);
            Thread t = Thread.ofPlatform().start(() -> {
                long id = first;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                    while (!stop.get()) {
                        int n = 1 + rnd.nextInt(400);
                        for (int i = 0; i < n; i++, id++) {
                            ps.setLong(1, id); ps.setDouble(2, id); ps.setString(3, "p" + id); ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                        fed.set(id - 1);
                        c.createStatement().execute("CHECKPOINT SYNC");
                        acked.set(id - 1);
                    }
                } catch (Exception e) {
                    // after the cut H2 may fail on what it reads back: the round is over anyway
                }
            });
            while (acked.get() < first) Thread.sleep(2);
            Thread.sleep(rnd.nextInt(300));
            long a = PowerCut.cut(acked::get);
            stop.set(true);
            t.join();
            try { c.close(); } catch (Exception e) { }
            PowerCut.restore();
            next = fed.get() + 1;
            try (Connection r = DriverManager.getConnection("jdbc:h2:file:" + url);
                 ResultSet rs = r.createStatement().executeQuery("SELECT COUNT(*), MAX(id) FROM t WHERE id >= " + first + " AND id <= " + a)) {
                rs.next();
                long expected = a - first + 1;
                if (rs.getLong(1) != expected) {
                    fails++;
                    System.out.println("round " + round + ": acked " + expected + " found " + rs.getLong(1) + " max " + rs.getLong(2) + " acked up to " + a);
                }
            }
        }
        System.out.println("fails " + fails);
        assertTrue(fails == 0, fails + " rounds lost forced commits");
    }
}
