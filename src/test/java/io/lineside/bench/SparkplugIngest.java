package io.lineside.bench;

import io.lineside.app.AppConfig;
import io.lineside.app.Services;
import io.lineside.security.IdlePolicy;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.testsupport.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;

/**
 * The Sparkplug B rows of scenario 1: one edge node ({@code spBv1.0/bench/.../line-1/cell-1}) publishes NBIRTH,
 * a DBIRTH declaring 50 metrics with aliases, then DDATA messages carrying all 50 values by alias (QoS 0, as the
 * spec requires). Baseline: a raw Paho subscriber on the same stream; Lineside: {@link Services} with a
 * {@code sparkplug:} section, timed until the last sample is committed in H2. The tag updates/s row of the issue
 * ("from batched payloads") is filled from this run: a DDATA is such a batch. Payloads are encoded with Tahu
 * before any clock starts. Runs on the caller's thread.
 */
final class SparkplugIngest {

    static final int METRICS = 50;
    private static final String GROUP = "bench";
    private static final String NODE = "spBv1.0/" + GROUP + "/%s/line-1";
    private static final String DEVICE = "spBv1.0/" + GROUP + "/%s/line-1/cell-1";
    private static final String[] SIGNALS = {"state", "speed", "temperature", "cycles", "pressure"};
    private static final String WHAT = "Sparkplug DDATA " + METRICS + " metrics";

    private final SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    private final IngestLoad births;
    private final IngestLoad warmUp;
    private final IngestLoad measured;
    private final long payloadBytes;

    /** Births (seq 0, 1), then {@code warmUp} and {@code count} DDATA messages with seq running on from 2. */
    SparkplugIngest(int warmUp, int count) throws Exception {
        long ts = 1_700_000_000_000L; // one millisecond per message: every sample has its own (tag, ts, seq) key
        births = new IngestLoad(List.of(
                message(NODE.formatted("NBIRTH"), 0, ts, List.of(
                        new Metric.MetricBuilder("bdSeq", MetricDataType.Int64, 0L).timestamp(new Date(ts)).createMetric())),
                message(DEVICE.formatted("DBIRTH"), 1, ts, metrics(ts, 0, true))));
        List<IngestLoad.Message> warm = new ArrayList<>();
        List<IngestLoad.Message> timed = new ArrayList<>();
        long bytes = 0;
        for (int i = 1; i <= warmUp + count; i++) {
            IngestLoad.Message m = message(DEVICE.formatted("DDATA"), i + 1, ts + i, metrics(ts + i, i, false));
            (i <= warmUp ? warm : timed).add(m);
            bytes += i > warmUp ? m.payload().length : 0;
        }
        this.warmUp = new IngestLoad(warm);
        this.measured = new IngestLoad(timed);
        this.payloadBytes = count == 0 ? 0 : bytes / count;
    }

    /** Baseline and Lineside on {@code brokerUrl}; the last row is the issue's tag-updates row. */
    List<Row> rows(String brokerUrl, Path dataDir, BenchContext context) throws Exception {
        int count = measured.size();
        context.progress("Sparkplug: baseline, %d DDATA x %d metrics", count, METRICS);
        IngestLoad.Timing raw = baseline(brokerUrl);
        context.progress("Sparkplug: Lineside, %d DDATA x %d metrics", count, METRICS);
        Lineside run = lineside(brokerUrl, dataDir);
        double samplesPerSecond = run.rows() / run.timing().seconds();
        String setup = count + " DDATA x " + METRICS + " metrics by alias (" + payloadBytes + " B each, Tahu), QoS0, "
                + "publisher " + Row.format(raw.publishRate()) + " msg/s";
        return List.of(
                Row.measured(IngestScenario.NAME, "baseline: raw Paho, empty callback, " + WHAT, raw.perSecond(),
                        "msg/s", null, setup + "; " + Row.format(raw.perSecond() * METRICS)
                                + " metrics/s; broker drops " + (count - raw.delivered())),
                Row.measured(IngestScenario.NAME, "Lineside: broker -> TagStore -> H2 committed, " + WHAT,
                        run.timing().perSecond(), "msg/s", null, run.note()),
                Row.measured(IngestScenario.NAME, "Lineside / baseline, " + WHAT,
                        run.timing().perSecond() / raw.perSecond(), "x", Target.atLeast(0.7, "x"), ""),
                Row.loss(IngestScenario.NAME, "lost on the way to H2, " + WHAT, (long) count * METRICS - run.rows(),
                        "published " + (long) count * METRICS + " samples, rows in H2 " + run.rows()),
                Row.measured(IngestScenario.NAME, "tag updates/s from batched payloads", samplesPerSecond, "/s",
                        Target.atLeast(200_000, "/s"), "committed samples/s of the Sparkplug run above (" + METRICS
                                + " metrics per DDATA); batched JSON has its own row"));
    }

    private IngestLoad.Timing baseline(String url) throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(url, "spBv1.0/#")) {
            births.publishAndAwait(url, 0, subscriber::received);
            warmUp.publishAndAwait(url, 0, () -> subscriber.received() - births.size());
            long before = subscriber.received();
            return measured.publishAndAwait(url, 0, () -> subscriber.received() - before);
        }
    }

    /** What the spine did with the timed DDATA. */
    private record Lineside(IngestLoad.Timing timing, long rows, String note) {
    }

    private Lineside lineside(String url, Path dataDir) throws Exception {
        AppConfig config = new AppConfig(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                AppConfig.DEFAULT_TOPIC_PREFIX, Optional.of(dataDir), AppConfig.DEFAULT_STALE_AFTER, Optional.empty(),
                List.of(), Optional.empty(), IdlePolicy.DEFAULT, Optional.empty(),
                Optional.of(SparkplugSettings.defaults(List.of(GROUP), "bench-host")));
        try (Services services = new Services(config, url, "bench-spb-" + System.nanoTime(), dataDir,
                Clock.systemUTC())) {
            Eventually.await("Sparkplug link subscribed", Duration.ofSeconds(10),
                    () -> services.sparkplug().orElseThrow().connection().subscribed());
            // The DBIRTH's own values are samples too; every later message is counted in whole DDATA.
            births.publishAndAwait(url, 0, () -> services.writer().writtenCount() >= METRICS ? births.size() : 0);
            if (services.writer().writtenCount() < METRICS) {
                throw new IllegalStateException("the DBIRTH's " + METRICS + " metrics were not committed: "
                        + services.pipeline().diagnostics().snapshot());
            }
            warmUp.publishAndAwait(url, 0, () -> (services.writer().writtenCount() - METRICS) / METRICS);
            long rowsBefore = services.query().sampleCount();
            long before = services.writer().writtenCount();
            IngestLoad.Timing timing = measured.publishAndAwait(url, 0,
                    () -> (services.writer().writtenCount() - before) / METRICS);
            long rows = services.query().sampleCount() - rowsBefore;
            IngestDiagnostics.Snapshot d = services.pipeline().diagnostics().snapshot();
            String note = Row.format(rows / timing.seconds()) + " metrics/s committed; host queue full "
                    + d.queueFull() + ", seq gaps " + d.seqGaps() + ", rebirths asked " + d.rebirthRequests()
                    + ", bad values " + d.badValues() + ", history dropped " + services.writer().droppedCount()
                    + ", H2 batches " + services.writer().committedBatches();
            return new Lineside(timing, rows, note);
        }
    }

    /** Metric k is station {@code st-(k/5)}, signal k%5; cycles are Int64 counters, the rest Double. */
    private static List<Metric> metrics(long ts, int i, boolean birth) throws Exception {
        List<Metric> metrics = new ArrayList<>(METRICS);
        for (int k = 0; k < METRICS; k++) {
            boolean counter = k % SIGNALS.length == 3;
            MetricDataType type = counter ? MetricDataType.Int64 : MetricDataType.Double;
            Object value = counter ? (Object) (long) i : (Object) (20 + ((i * METRICS + k) % 997) * 0.01);
            Metric.MetricBuilder b = birth
                    ? new Metric.MetricBuilder("st-" + k / SIGNALS.length + "/" + SIGNALS[k % SIGNALS.length], type, value)
                            .alias((long) k + 1)
                    : new Metric.MetricBuilder((long) k + 1, type, value);
            metrics.add(b.timestamp(new Date(ts)).createMetric()); // Tahu would stamp "now": keep keys distinct
        }
        return metrics;
    }

    private IngestLoad.Message message(String topic, int seq, long ts, List<Metric> metrics) throws Exception {
        SparkplugBPayload payload = new SparkplugBPayload.SparkplugBPayloadBuilder((long) (seq & 0xFF))
                .setTimestamp(new Date(ts)).addMetrics(metrics).createPayload();
        return new IngestLoad.Message(topic, encoder.getBytes(payload, false));
    }
}
