package io.lineside.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one harness run.
 *
 * @param rows    every scenario's rows, in scenario order
 * @param started when the run began
 * @param took    how long it took, wall clock
 * @param quick   whether it was the smoke run
 */
public record BenchReport(List<Row> rows, Instant started, Duration took, boolean quick) {

    public String table() {
        return ResultTable.text(rows);
    }
}
