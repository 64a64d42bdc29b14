package io.lineside.bench;

import io.lineside.app.AppConfig;
import io.lineside.app.Services;
import io.lineside.tags.StationId;
import io.lineside.testsupport.Mosquitto;
import io.lineside.ui.workshop.StationTileViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.animation.AnimationTimer;

/**
 * Scenario 2: the real main window, headless, on the real spine, with N stations publishing 4 signals each at
 * 5 Hz. Measures the pulse's work per frame ({@code Pulse.lastWorkNanos}: every view-model's drain) and the time from
 * publishing a station's {@code cycles} value to the FX-thread change of that tile's property.
 */
final class PulseScenario implements Scenario {

    static final String NAME = "2 pulse";
    private static final int HZ = 5;
    private static final String[] SIGNALS = {"state", "speed", "temperature"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        int stations = context.size(50, 500);
        int warmSeconds = context.size(1, 5);
        int measureSeconds = context.size(2, 30);
        Fx.start();
        Path dataDir = context.dir("pulse-data");
        try (Mosquitto broker = Mosquitto.start(context.dir("pulse-broker"), IngestScenario.MAX_QUEUED)) {
            AppConfig config = new AppConfig(Optional.of(broker.url()), Optional.empty(), Optional.empty(),
                    Optional.empty(), AppConfig.DEFAULT_TOPIC_PREFIX, Optional.of(dataDir),
                    AppConfig.DEFAULT_STALE_AFTER, Optional.empty());
            try (Services services = new Services(config, broker.url(), "bench-pulse-" + System.nanoTime(), dataDir,
                    Clock.systemDefaultZone())) {
                IngestScenario.Probe.awaitSubscribed(broker.url(), services);
                LiveWindow window = Fx.call(() -> new LiveWindow(services, Clock.systemDefaultZone()));
                Probe probe = new Probe(window, stations, (warmSeconds + measureSeconds + 2) * HZ);
                Fx.run(probe::start);
                try {
                    publish(broker.url(), stations, warmSeconds, measureSeconds, probe);
                    Thread.sleep(context.size(300, 1_000)); // let the last round reach the screen
                } finally {
                    Fx.run(() -> {
                        probe.stop();
                        window.dispose();
                    });
                }
                String spine = "; history committed " + services.writer().writtenCount() + ", dropped "
                        + services.writer().droppedCount() + ", ingest queue full "
                        + services.pipeline().diagnostics().snapshot().queueFull();
                return rows(probe, stations, measureSeconds, spine);
            }
        }
    }

    private static void publish(String url, int stations, int warmSeconds, int measureSeconds, Probe probe)
            throws Exception {
        int rounds = (warmSeconds + measureSeconds) * HZ;
        long periodNanos = 1_000_000_000L / HZ;
        try (LoadPublisher publisher = new LoadPublisher(url, 1_000)) {
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                if (round == warmSeconds * HZ) {
                    probe.measureFrom(round);
                }
                long ts = System.currentTimeMillis();
                for (int s = 0; s < stations; s++) {
                    String base = "lineside/bench/pulse/line-" + s / 25 + "/st-" + s + "/";
                    for (String signal : SIGNALS) {
                        Object v = signal.equals("state") ? "\"running\"" : 40 + (round * 7 + s) % 200 / 10.0;
                        publisher.publish(base + signal, json(v, ts, round + 1), 0);
                    }
                    probe.published(s, round);
                    publisher.publish(base + "cycles", json(round, ts, round + 1), 0);
                }
                long next = start + (round + 1) * periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    private static byte[] json(Object value, long ts, long seq) {
        return ("{\"v\":" + value + ",\"ts\":" + ts + ",\"q\":\"good\",\"seq\":" + seq + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<Row> rows(Probe probe, int stations, int seconds, String spine) {
        Percentiles work = new Percentiles(probe.pulseWork());
        Percentiles latency = new Percentiles(probe.latencies());
        String setup = stations + " stations x 4 signals x " + HZ + " Hz = " + stations * 4 * HZ + " msg/s QoS0 for "
                + seconds + " s, real main window headless (Monocle, prism sw), history writing too";
        String frames = work.count() + " frames (" + Row.format(work.count() / (double) seconds) + "/s); work = all "
                + "view-models' pulse handlers, not CSS/layout/render";
        String shown = latency.count() + " of " + probe.expected() + " published cycles values seen (the rest were "
                + "superseded before a pulse); to the tile property on the FX thread, excluding that frame's render" + spine;
        List<Row> rows = new ArrayList<>();
        rows.add(Row.measured(NAME, "pulse work per frame p50", work.millis(50), "ms", null, setup));
        rows.add(Row.measured(NAME, "pulse work per frame p99", work.millis(99), "ms", Target.atMost(8, "ms"), frames));
        rows.add(Row.measured(NAME, "broker -> view-model latency p50", latency.millis(50), "ms", null, ""));
        rows.add(Row.measured(NAME, "broker -> view-model latency p99", latency.millis(99), "ms",
                Target.atMost(100, "ms"), shown));
        return rows;
    }

    /**
     * Samples the pulse on the FX thread (an AnimationTimer started after the window's runs after it in each frame)
     * and times each tile's cycles text change against when that value was published.
     */
    private static final class Probe extends AnimationTimer {
        private final LiveWindow window;
        private final int stations;
        private final int maxRounds;
        private final AtomicLongArray publishedNanos;
        private final boolean[] attached;
        private final List<Long> work = new ArrayList<>();
        private final List<Long> latencies = new ArrayList<>();
        private volatile int firstRound = Integer.MAX_VALUE;
        private volatile int lastRound = -1;

        Probe(LiveWindow window, int stations, int maxRounds) {
            this.window = window;
            this.stations = stations;
            this.maxRounds = maxRounds;
            this.publishedNanos = new AtomicLongArray(stations * maxRounds);
            this.attached = new boolean[stations];
        }

        void measureFrom(int round) {
            firstRound = round;
        }

        /** Publisher thread: station {@code s}'s cycles value {@code round} is about to be published. */
        void published(int s, int round) {
            publishedNanos.set(s * maxRounds + round, System.nanoTime());
            lastRound = round;
        }

        long expected() {
            return lastRound < firstRound ? 0 : (long) (lastRound - firstRound + 1) * stations;
        }

        @Override
        public void handle(long now) {
            if (lastRound >= firstRound) {
                work.add(window.window().pulse().lastWorkNanos());
            }
            for (int s = 0; s < stations; s++) {
                if (!attached[s]) {
                    StationTileViewModel tile = window.workshop().tile(
                            new StationId("bench", "pulse", "line-" + s / 25, "st-" + s));
                    if (tile != null) {
                        attached[s] = true;
                        int station = s;
                        tile.countTextProperty().addListener((obs, old, text) -> changed(station, text));
                    }
                }
            }
        }

        private void changed(int station, String text) {
            long at = System.nanoTime();
            int round;
            try {
                round = Integer.parseInt(text);
            } catch (NumberFormatException notACount) {
                return;
            }
            if (round >= firstRound && round < maxRounds) {
                latencies.add(at - publishedNanos.get(station * maxRounds + round));
            }
        }

        long[] pulseWork() {
            return work.stream().mapToLong(Long::longValue).toArray();
        }

        long[] latencies() {
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
