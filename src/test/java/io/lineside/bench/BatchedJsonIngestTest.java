package io.lineside.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Mosquitto;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 1's batched-JSON rows at smoke size against a real broker and {@code Services}, so that code cannot rot. */
class BatchedJsonIngestTest {

    @TempDir
    Path dir;

    @Test
    void smallBatchedBurstIsCommittedWholeAndEveryRateIsPositive() throws Exception {
        BenchContext context = new BenchContext(true, dir, new PrintStream(System.err), true);
        List<Row> rows;
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), IngestScenario.MAX_QUEUED)) {
            rows = new BatchedJsonIngest(10, 60).rows(broker.url(), dir.resolve("data"), context);
        }
        System.err.print(ResultTable.text(rows));

        assertEquals(5, rows.size(), "baseline, Lineside, ratio, loss, tag updates/s");
        for (Row row : rows) {
            String what = row.metric() + ": " + row.note();
            if (row.kind() == Row.Kind.LOSS) {
                assertEquals(0.0, row.value(), what);
                assertTrue(row.note().contains("published 3000 samples, rows in H2 3000"), what);
            } else {
                assertEquals(Row.Kind.MEASURE, row.kind(), what);
                assertTrue(Double.isFinite(row.value()) && row.value() > 0, what + " = " + row.value());
            }
        }
        assertTrue(rows.get(1).note().contains("parse errors 0, bad values 0"), rows.get(1).note());
    }
}
