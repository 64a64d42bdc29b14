package io.lineside.bench;

import io.lineside.bench.jmh.BatchDecoderBenchmark;
import io.lineside.bench.jmh.JsonDecoderBenchmark;
import io.lineside.bench.jmh.TrendQueryBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH micro-benchmarks where one fits: the JSON decoder and the trend down-sampler. The full run forks one JVM
 * with 3 warm-up and 5 measured one-second iterations; the smoke run uses one short in-process iteration, which
 * only proves the generated benchmarks still build and run.
 */
final class JmhScenario implements Scenario {

    static final String NAME = "jmh";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(JsonDecoderBenchmark.class.getName()).include(BatchDecoderBenchmark.class.getName()).include(TrendQueryBenchmark.class.getName())
                .shouldFailOnError(true)
                .output(context.workDir().resolve("jmh.log").toString()); // keep stdout for the table
        if (context.quick()) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200)).param("seconds", "600");
        } else {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend("-Xmx1g");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Row> rows = new ArrayList<>();
        for (RunResult run : results) {
            Result<?> score = run.getPrimaryResult();
            String benchmark = run.getParams().getBenchmark();
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            rows.add(Row.measured(NAME, shortName, score.getScore(), score.getScoreUnit(), null,
                    Double.isNaN(score.getScoreError()) ? "single iteration"
                            : "+/- " + Row.format(score.getScoreError()) + " (99.9%), "
                            + run.getParams().getMeasurement().getCount() + " iterations"));
        }
        return rows;
    }

}
