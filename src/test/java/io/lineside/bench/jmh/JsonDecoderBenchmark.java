package io.lineside.bench.jmh;

import io.lineside.tags.TagValue;
import io.lineside.telemetry.DecodeException;
import io.lineside.telemetry.JsonPayloadDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One tag payload through {@link JsonPayloadDecoder}: the full object form and the bare number. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonDecoderBenchmark {

    private final JsonPayloadDecoder decoder = new JsonPayloadDecoder();
    private final byte[] object = "{\"v\":45.26,\"ts\":1764000000000,\"q\":\"good\",\"seq\":1204}"
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] number = "45.26".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Benchmark
    public TagValue decodeObject() throws DecodeException {
        return decoder.decode(object, now);
    }

    @Benchmark
    public TagValue decodeNumber() throws DecodeException {
        return decoder.decode(number, now);
    }
}
