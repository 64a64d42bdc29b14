package io.lineside.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineside.telemetry.BatchPayloadDecoder;
import io.lineside.telemetry.DecodeException;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.SignalSpec;
import io.lineside.telemetry.mapping.TopicTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One batch message of 50 signals (plus a few members no rule reads): the streaming decoder Lineside uses against
 * the obvious alternative, a Jackson tree with one JSON Pointer look-up per signal. Same limits for both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchDecoderBenchmark {

    private static final int SIGNALS = 50;

    private final BatchPayloadDecoder streaming = new BatchPayloadDecoder();
    private final ObjectMapper tree = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(64).maxStringLength(1_000)
                    .maxNameLength(64).maxDocumentLength(256 * 1024).build()).build());
    private final MappingRule rule;
    private final JsonPointer[] pointers = new JsonPointer[SIGNALS];
    private final byte[] payload;
    private final Instant now = Instant.parse("2026-11-23T08:00:00Z");

    public BatchDecoderBenchmark() {
        List<SignalSpec> signals = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"ts\":1764000000000,\"seq\":1204,\"fw\":\"2.1.7\",\"values\":{");
        for (int k = 0; k < SIGNALS; k++) {
            String name = String.format(Locale.ROOT, "s%02d", k);
            signals.add(new SignalSpec(name, FieldPath.parse("values." + name), null));
            pointers[k] = JsonPointer.compile("/values/" + name);
            json.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.2f", name, 20 + k * 0.37));
        }
        payload = json.append("},\"diag\":{\"rssi\":-61,\"uptime\":86400}}").toString().getBytes(StandardCharsets.UTF_8);
        rule = new MappingRule(TopicTemplate.compile("b/{site}/{area}/{line}/{station}"), PayloadKind.BATCH, Map.of(),
                signals, FieldPath.parse("ts"), FieldPath.parse("seq"), null, false);
    }

    @Benchmark
    public BatchPayloadDecoder.Batch streamingPass() throws DecodeException {
        return streaming.decode(rule, payload, now);
    }

    @Benchmark
    public double[] treeWithPointers() throws IOException {
        JsonNode root = tree.readTree(payload);
        double[] values = new double[SIGNALS];
        for (int k = 0; k < SIGNALS; k++) {
            JsonNode n = root.at(pointers[k]);
            values[k] = n.isNumber() ? n.doubleValue() : Double.NaN;
        }
        return values;
    }
}
