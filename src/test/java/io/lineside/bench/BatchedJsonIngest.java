package io.lineside.bench;

import io.lineside.app.AppConfig;
import io.lineside.app.Services;
import io.lineside.security.IdlePolicy;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.SignalSpec;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.mapping.TopicTemplate;
import io.lineside.tags.TagMeta;
import io.lineside.testsupport.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The batched-JSON rows of scenario 1: 10 stations each publish one JSON object per message carrying all 50 of their
 * signals ({@code {"ts":..,"seq":n,"values":{"s00":..,..,"s49":..}}} on {@code bench/site/area/line-1/st-K/telemetry}),
 * QoS 0. Baseline: a raw Paho subscriber on the same messages; Lineside: {@link Services} with one {@code batch}
 * mapping rule (50 field paths, each with a unit and range), timed until the last sample is committed in H2. The
 * payloads are built before any clock starts. Runs on the caller's thread.
 */
final class BatchedJsonIngest {

    static final int SIGNALS = 50;
    static final int STATIONS = 10;
    private static final String TOPIC = "bench/site/area/line-1/st-%d/telemetry";
    private static final String WHAT = "JSON batched, " + SIGNALS + " signals per message";

    private final IngestLoad warmUp;
    private final IngestLoad measured;
    private final long payloadBytes;

    /** {@code warmUp} then {@code count} messages, round-robin over the stations, seq per station from 1. */
    BatchedJsonIngest(int warmUp, int count) {
        long ts = System.currentTimeMillis() - warmUp - count; // recent, and one ms per message: distinct (tag, ts)
        List<IngestLoad.Message> warm = new ArrayList<>();
        List<IngestLoad.Message> timed = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < warmUp + count; i++) {
            StringBuilder json = new StringBuilder(1024).append("{\"ts\":").append(ts + i)
                    .append(",\"seq\":").append(i / STATIONS + 1).append(",\"values\":{");
            for (int k = 0; k < SIGNALS; k++) {
                json.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"s%02d\":%.2f", k,
                        20 + ((i * SIGNALS + k) % 997) * 0.01));
            }
            byte[] payload = json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
            IngestLoad.Message m = new IngestLoad.Message(TOPIC.formatted(i % STATIONS), payload);
            (i < warmUp ? warm : timed).add(m);
            bytes += i >= warmUp ? payload.length : 0;
        }
        this.warmUp = new IngestLoad(warm);
        this.measured = new IngestLoad(timed);
        this.payloadBytes = count == 0 ? 0 : bytes / count;
    }

    /** The one rule Lineside runs with: 50 field paths, each with a unit, range and expected period. */
    static TopicMappings mappings() {
        List<SignalSpec> signals = new ArrayList<>();
        for (int k = 0; k < SIGNALS; k++) {
            String name = String.format(Locale.ROOT, "s%02d", k);
            signals.add(new SignalSpec(name, FieldPath.parse("values." + name),
                    new TagMeta("bar", 0, 100, Duration.ofSeconds(1))));
        }
        MappingRule rule = new MappingRule(TopicTemplate.compile("bench/{site}/{area}/{line}/{station}/telemetry"),
                PayloadKind.BATCH, Map.of(), signals, FieldPath.parse("ts"), FieldPath.parse("seq"), null, false);
        return TopicMappings.of(List.of(rule), Duration.ofHours(1)); // the burst's timestamps span its run
    }

    /** Baseline, Lineside, ratio, loss and the issue's tag-updates row. */
    List<Row> rows(String brokerUrl, Path dataDir, BenchContext context) throws Exception {
        int count = measured.size();
        context.progress("batched JSON: baseline, %d messages x %d signals", count, SIGNALS);
        IngestLoad.Timing raw = baseline(brokerUrl);
        context.progress("batched JSON: Lineside, %d messages x %d signals", count, SIGNALS);
        Lineside run = lineside(brokerUrl, dataDir);
        long published = (long) count * SIGNALS;
        String setup = count + " msgs x " + SIGNALS + " signals (" + payloadBytes + " B each), " + STATIONS
                + " stations, QoS0, publisher " + Row.format(raw.publishRate()) + " msg/s";
        return List.of(
                Row.measured(IngestScenario.NAME, "baseline: raw Paho, empty callback, " + WHAT, raw.perSecond(),
                        "msg/s", null, setup + "; " + Row.format(raw.perSecond() * SIGNALS)
                                + " signals/s; broker drops " + (count - raw.delivered())),
                Row.measured(IngestScenario.NAME, "Lineside: broker -> TagStore -> H2 committed, " + WHAT,
                        run.timing().perSecond(), "msg/s", null, run.note()),
                Row.measured(IngestScenario.NAME, "Lineside / baseline, " + WHAT,
                        run.timing().perSecond() / raw.perSecond(), "x", Target.atLeast(0.7, "x"), ""),
                Row.loss(IngestScenario.NAME, "lost on the way to H2, " + WHAT, published - run.rows(),
                        "published " + published + " samples, rows in H2 " + run.rows()),
                Row.measured(IngestScenario.NAME, "tag updates/s from batched payloads, " + WHAT,
                        run.rows() / run.timing().seconds(), "/s", Target.atLeast(200_000, "/s"),
                        "committed samples/s of the batched JSON run above (streaming decode of 50 field paths, "
                                + "range check per value)"));
    }

    private IngestLoad.Timing baseline(String url) throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(url, "bench/#")) {
            warmUp.publishAndAwait(url, 0, subscriber::received);
            long before = subscriber.received();
            return measured.publishAndAwait(url, 0, () -> subscriber.received() - before);
        }
    }

    /** What the spine did with the timed burst. */
    private record Lineside(IngestLoad.Timing timing, long rows, String note) {
    }

    private Lineside lineside(String url, Path dataDir) throws Exception {
        AppConfig config = new AppConfig(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                AppConfig.DEFAULT_TOPIC_PREFIX, Optional.of(dataDir), AppConfig.DEFAULT_STALE_AFTER, Optional.empty(),
                List.of(), Optional.empty(), IdlePolicy.DEFAULT, Optional.empty(), Optional.empty(), mappings());
        try (Services services = new Services(config, url, "bench-batch-" + System.nanoTime(), dataDir,
                Clock.systemUTC())) {
            Eventually.await("Lineside subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
            warmUp.publishAndAwait(url, 0, () -> services.writer().writtenCount() / SIGNALS);
            long rowsBefore = services.query().sampleCount();
            long before = services.writer().writtenCount();
            IngestLoad.Timing timing = measured.publishAndAwait(url, 0,
                    () -> (services.writer().writtenCount() - before) / SIGNALS);
            long rows = services.query().sampleCount() - rowsBefore;
            IngestDiagnostics.Snapshot d = services.pipeline().diagnostics().snapshot();
            String note = Row.format(rows / timing.seconds()) + " signals/s committed; ingest queue full "
                    + d.queueFull() + ", parse errors " + d.parseErrors() + ", bad values " + d.badValues()
                    + ", seq gaps " + d.seqGaps() + ", history dropped " + services.writer().droppedCount()
                    + ", H2 batches " + services.writer().committedBatches();
            return new Lineside(timing, rows, note);
        }
    }
}
