package io.lineside.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark harness of issue 9. Run it with
 * {@code ./mvnw -q -Pbench test-compile exec:exec [-Dbench.args="--quick" | -Dbench.args="--out docs/benchmarks.md"]}.
 *
 * <p>Every scenario starts what it measures for real (Mosquitto on loopback, H2 files, the headless toolkit, a
 * child JVM) and reports rows against the targets; what is not built yet is reported as such.
 */
public final class Bench {

    /** Scenario order is table order. */
    static List<Scenario> scenarios() {
        return List.of(new IngestScenario(), new PulseScenario(), new HistoryScenario(), new FootprintScenario(),
                new JmhScenario(), new ReplayScenario());
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchReport report = run(options, System.err);
        System.out.print(report.table());
        if (options.out() != null) {
            MarkdownReport.write(options.out(), report);
            System.err.println("[bench] results written to " + options.out());
        }
        // The JavaFX toolkit and Paho leave non-daemon threads behind.
        System.exit(report.rows().stream().anyMatch(r -> r.kind() == Row.Kind.FAILED) ? 1 : 0);
    }

    /** Runs the selected scenarios one after the other; a failing scenario becomes a FAILED row. */
    public static BenchReport run(BenchOptions options, PrintStream log) throws java.io.IOException {
        Instant started = Instant.now();
        Path work = Files.createTempDirectory("lineside-bench-");
        BenchContext context = new BenchContext(options.quick(), work, log, options.sparkplug());
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (!options.selects(scenario.name())) {
                continue;
            }
            context.progress("scenario %s%s", scenario.name(), options.quick() ? " (quick)" : "");
            long t0 = System.nanoTime();
            try {
                rows.addAll(scenario.run(context));
            } catch (Exception | Error e) {
                e.printStackTrace(log);
                rows.add(Row.failed(scenario.name(), "scenario", e));
            }
            context.progress("scenario %s took %.1f s", scenario.name(), (System.nanoTime() - t0) / 1e9);
        }
        return new BenchReport(rows, started, Duration.between(started, Instant.now()), options.quick());
    }
}
