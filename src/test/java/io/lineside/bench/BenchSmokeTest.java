package io.lineside.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The harness in its smoke size, end to end, so it cannot rot between benchmark runs. */
class BenchSmokeTest {

    @Test
    void quickRunGivesEveryBuiltRowAPositiveNumberAndLosesNothing() throws Exception {
        BenchReport report = Bench.run(BenchOptions.parse(List.of("--quick")), System.err);
        System.err.print(report.table());

        Set<String> scenarios = report.rows().stream().map(Row::scenario).collect(Collectors.toSet());
        assertEquals(Bench.scenarios().stream().map(Scenario::name).collect(Collectors.toSet()), scenarios,
                "every scenario reports at least one row");
        for (Row row : report.rows()) {
            String what = row.scenario() + " / " + row.metric() + ": " + row.note();
            switch (row.kind()) {
                case FAILED -> fail(what);
                case LOSS -> assertEquals(0.0, row.value(), what);
                case MEASURE -> assertTrue(Double.isFinite(row.value()) && row.value() > 0, what + " = " + row.value());
                case NOT_BUILT -> assertTrue(row.note().startsWith("not built yet"), what);
                case SKIPPED -> assertTrue(row.note().startsWith("not measured: "), what);
            }
        }
        assertTrue(report.rows().stream().anyMatch(r -> r.kind() == Row.Kind.LOSS), "loss is checked");
    }
}
