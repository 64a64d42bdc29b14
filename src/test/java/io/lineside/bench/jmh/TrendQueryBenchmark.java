package io.lineside.bench.jmh;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryException;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.TrendBucket;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The trend down-sampler ({@link HistoryQuery#trend}, M4 in H2): one tag at 1 Hz into 1600 buckets. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrendQueryBenchmark {

    /** Samples of the one tag, one per second: 8 h by default. */
    @Param("28800")
    public int seconds;
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private final TagPath tag = TagPath.parse("bench/jmh/line-1/press/temperature");
    private HistoryDatabase database;
    private HistoryQuery query;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        database = HistoryDatabase.open(Files.createTempDirectory("lineside-jmh-"));
        try (HistoryWriter writer = new HistoryWriter(database, seconds)) {
            for (int s = 0; s < seconds; s++) {
                Instant ts = T0.plusSeconds(s);
                writer.accept(new TagUpdate(tag, TagValue.good(40 + Math.sin(s / 600.0) * 5, ts, ts, s + 1)));
            }
        }
        query = new HistoryQuery(database);
    }

    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }

    @Benchmark
    public List<TrendBucket> trend8h() throws HistoryException {
        return query.trend(tag, T0, T0.plusSeconds(seconds), 1_600);
    }

}
