package io.lineside.bench;

import io.lineside.alarms.AlarmService;
import io.lineside.app.AppConfig;
import io.lineside.app.Services;
import io.lineside.security.IdlePolicy;
import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenario 1: raw Paho subscriber (empty callback) against Lineside's lossless ingest, broker to committed H2 row,
 * through the real {@link Services} spine (MqttConnection, IngestPipeline, TagStore, HistoryWriter, H2 file).
 */
final class IngestScenario implements Scenario {

    static final String NAME = "1 ingest";
    /** Above any burst here, so the broker never drops for a slow subscriber (its default of 1000 would). */
    static final int MAX_QUEUED = 1_000_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        int count = context.size(1_000, 200_000);
        int warmUp = context.size(0, count / 10);
        List<Row> rows = new ArrayList<>();
        try (Mosquitto broker = Mosquitto.start(context.dir("ingest-broker"), MAX_QUEUED)) {
            // The smoke run keeps QoS 1 only (same code path, the slower ack flow) to stay within seconds.
            for (int qos : context.quick() ? new int[] {1} : new int[] {0, 1}) {
                String q = "QoS" + qos;
                context.progress("%s: baseline, %d messages", q, count);
                IngestLoad.Timing raw = baseline(broker.url(), qos, warmUp, count);
                context.progress("%s: Lineside, %d messages", q, count);
                LinesideRun lineside = lineside(broker.url(), qos, warmUp, count, context.dir("ingest-" + q));
                String setup = count + " msgs, 500 tags, publisher " + Row.format(raw.publishRate()) + " msg/s; "
                        + "mosquitto 2 on loopback, max_queued_messages " + MAX_QUEUED;
                rows.add(Row.measured(NAME, "baseline: raw Paho, empty callback, JSON " + q, raw.perSecond(),
                        "msg/s", null, setup + "; broker drops " + (count - raw.delivered())));
                rows.add(Row.measured(NAME, "Lineside: broker -> TagStore -> H2 committed, JSON " + q,
                        lineside.timing().perSecond(), "msg/s", null, lineside.note()
                                + (qos == 1 ? "; QoS1 acknowledged only after its commit (persistent session)"
                                : "; backpressure: the writer holds the decoder, the decoder the MQTT callback")));
                rows.add(Row.measured(NAME, "Lineside / baseline, JSON " + q,
                        lineside.timing().perSecond() / raw.perSecond(), "x", Target.atLeast(0.7, "x"), ""));
                rows.add(Row.loss(NAME, "lost on the way to H2, JSON " + q, lineside.lost(),
                        "published " + count + ", rows in H2 " + lineside.rows()));
                AlarmService.Stats a = lineside.alarms();
                String alarmSetup = "1,000 limit alarms on the 500 tags; evaluated " + a.evaluated() + ", coalesced "
                        + a.coalesced() + " (the measured burst; the warm-up tags have none)";
                rows.add(Row.loss(NAME, "alarm updates dropped, JSON " + q, lineside.alarmDropped(), alarmSetup));
                rows.add(Row.measured(NAME, "alarm evaluator cost per update, JSON " + q, a.nanosPerUpdate() / 1000,
                        "us", null, "evaluator thread wall time / updates evaluated; " + alarmSetup));
            }
            // Also fills the issue's "tag updates/s from batched payloads" rows: a DDATA, and a batched JSON
            // message, each carry 50 signals.
            // Left out of a plain --quick run (its ~3 s pushed the smoke test past 15 s); SparkplugIngestTest runs it.
            if (context.runsSparkplug()) {
                rows.addAll(new SparkplugIngest(context.size(0, 500), context.size(100, 20_000))
                        .rows(broker.url(), context.dir("ingest-sparkplug"), context));
                rows.addAll(new BatchedJsonIngest(context.size(10, 500), context.size(100, 20_000))
                        .rows(broker.url(), context.dir("ingest-batched"), context));
            }
        }
        return rows;
    }

    private static IngestLoad.Timing baseline(String url, int qos, int warmUp, int count) throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(url, "lineside/#")) {
            new IngestLoad("warm", warmUp).publishAndAwait(url, qos, subscriber::received);
            long before = subscriber.received();
            IngestLoad.Timing timing = new IngestLoad("raw", count)
                    .publishAndAwait(url, qos, () -> subscriber.received() - before);
            return timing;
        }
    }

    /** What the spine did with one burst. */
    record LinesideRun(IngestLoad.Timing timing, long rows, long lost, String note, long alarmDropped,
                       AlarmService.Stats alarms) {
    }

    private static LinesideRun lineside(String url, int qos, int warmUp, int count, Path dataDir) throws Exception {
        AppConfig config = new AppConfig(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                AppConfig.DEFAULT_TOPIC_PREFIX, Optional.of(dataDir), AppConfig.DEFAULT_STALE_AFTER, Optional.empty(),
                List.of(), Optional.empty(), IdlePolicy.DEFAULT, Optional.of(benchAlarms(dataDir)));
        try (Services services = new Services(config, url, "bench-lineside-" + System.nanoTime(), dataDir,
                Clock.systemUTC())) {
            Probe.awaitSubscribed(url, services);
            new IngestLoad("warm", warmUp).publishAndAwait(url, qos, services.writer()::writtenCount);
            long before = services.writer().writtenCount();
            IngestLoad.Timing timing = new IngestLoad("lineside", count)
                    .publishAndAwait(url, qos, () -> services.writer().writtenCount() - before);
            long rows = services.query().sampleCount() - before;
            IngestDiagnostics.Snapshot d = services.pipeline().diagnostics().snapshot();
            AlarmService.Stats alarms = services.alarms().stats();
            String note = "ingest queue full " + d.queueFull() + ", seq gaps " + d.seqGaps() + ", duplicates "
                    + d.duplicates() + ", history dropped " + services.writer().droppedCount() + " (as gap rows "
                    + services.writer().gappedCount() + "), H2 batches "
                    + services.writer().committedBatches();
            return new LinesideRun(timing, rows, count - rows, note, services.alarms().droppedUpdates(), alarms);
        }
    }

    /** An H and an L limit on each measured tag (never crossed by the load's 20-30 values): pure evaluation cost. */
    private static Path benchAlarms(Path dataDir) throws java.io.IOException {
        StringBuilder yaml = new StringBuilder("alarms:\n");
        String[] signals = {"state", "speed", "temperature", "cycles", "pressure"};
        for (int tag = 0; tag < IngestLoad.TAGS; tag++) {
            int station = tag / signals.length;
            String path = "lineside/bench/line-" + station / 20 + "/st-" + station + "/" + signals[tag % signals.length];
            for (String level : new String[] {"H", "L"}) {
                yaml.append("  - id: BENCH-").append(tag).append('-').append(level).append("\n    tag: ").append(path)
                        .append("\n    kind: limit\n    level: ").append(level).append("\n    limit: ")
                        .append(level.equals("H") ? "40" : "10").append("\n    deadband: 1\n    priority: Low\n")
                        .append("    message: {en: \"bench ").append(level).append("\"}\n");
            }
        }
        java.nio.file.Files.createDirectories(dataDir);
        Path file = dataDir.resolve("bench-alarms.yaml");
        java.nio.file.Files.writeString(file, yaml);
        return file;
    }

    /** Waits until Lineside's subscription is active: ONLINE is reported before the SUBACK. */
    static final class Probe {
        private Probe() {
        }

        static void awaitSubscribed(String url, Services services) throws Exception {
            Eventually.await("Lineside online", Duration.ofSeconds(10),
                    () -> services.connection().status().state() == ConnectionState.ONLINE);
            try (LoadPublisher probe = new LoadPublisher(url, 10)) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (services.pipeline().diagnostics().snapshot().unknownMessages() == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Lineside's subscription did not become active within 10 s");
                    }
                    probe.publish("lineside/probe", new byte[] {'1'}, 0);
                    Thread.sleep(50);
                }
            }
        }
    }
}
