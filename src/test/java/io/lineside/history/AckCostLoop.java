package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an acknowledged commit costs: {@code ackcost.rounds} commits of 50 samples, each followed by an ack that waits
 * for it (nothing else queued, so one batch per ack), on a real file. On demand:
 * {@code -Dtest=AckCostLoop -Dackcost.rounds=200} (decision 0019 quotes it).
 */
class AckCostLoop {

    private static final int ROUNDS = Integer.getInteger("ackcost.rounds", 0);
    private static final int ROWS = 50;

    @TempDir
    Path dir;

    @Test
    void costPerAcknowledgedCommit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ROUNDS > 0, "on demand: -Dackcost.rounds=200");
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            long seq = 0;
            for (int warm = 0; warm < 20; warm++) {
                seq = round(writer, seq);
            }
            long t0 = System.nanoTime();
            for (int r = 0; r < ROUNDS; r++) {
                seq = round(writer, seq);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / ROUNDS;
            AckLog log = db.ackLog();
            System.out.printf("ack cost: %d commits of %d rows: %.2f ms per acknowledged commit; log %s%n", ROUNDS,
                    ROWS, ms, log == null ? "none" : String.format("%.1f bytes per sample, %d forces, %d syncs",
                            (double) log.bytes() / seq, writer.logForceCount(), writer.syncCount()));
        }
    }

    private static long round(HistoryWriter writer, long seq) throws InterruptedException {
        for (int i = 0; i < ROWS; i++, seq++) {
            writer.put(Samples.good(Samples.TEMP, Instant.EPOCH.plusMillis(seq), seq, seq));
        }
        CountDownLatch acked = new CountDownLatch(1);
        writer.putAfterCommit(acked::countDown);
        assertTrue(acked.await(20, TimeUnit.SECONDS));
        return seq;
    }
}
