package io.lineside.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Mosquitto;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1's Sparkplug rows at smoke size against a real broker and {@code Services}: the plain {@code --quick} run
 * of {@link BenchSmokeTest} leaves them out to stay short, so this keeps that code from rotting.
 */
class SparkplugIngestTest {

    @TempDir
    Path dir;

    @Test
    void smallDdataBurstIsCommittedWholeAndEveryRateIsPositive() throws Exception {
        BenchContext context = new BenchContext(true, dir, new PrintStream(System.err), true);
        List<Row> rows;
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), IngestScenario.MAX_QUEUED)) {
            rows = new SparkplugIngest(5, 40).rows(broker.url(), dir.resolve("data"), context);
        }
        System.err.print(ResultTable.text(rows));

        assertEquals(5, rows.size(), "baseline, Lineside, ratio, loss, tag updates/s");
        for (Row row : rows) {
            String what = row.metric() + ": " + row.note();
            if (row.kind() == Row.Kind.LOSS) {
                assertEquals(0.0, row.value(), what);
                assertTrue(row.note().contains("published 2000 samples, rows in H2 2000"), what);
            } else {
                assertEquals(Row.Kind.MEASURE, row.kind(), what);
                assertTrue(Double.isFinite(row.value()) && row.value() > 0, what + " = " + row.value());
            }
        }
        assertTrue(rows.getFirst().note().contains("broker drops 0"), rows.getFirst().note());
    }
}
