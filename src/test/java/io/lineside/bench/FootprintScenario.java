package io.lineside.bench;

import io.lineside.testsupport.Mosquitto;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4: resident memory of a separate JVM running the {@link io.lineside.app.Services} spine (no UI) after
 * it ingested N distinct tags (three samples each) and committed them; and start-up of the packaged app-image to
 * its first live frame ({@link ImageStartup}).
 */
final class FootprintScenario implements Scenario {

    static final String NAME = "4 footprint";
    static final int SAMPLES_PER_TAG = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        int tags = context.size(300, 10_000);
        List<Row> rows = new ArrayList<>();
        rows.add(ImageStartup.measure(context, NAME));
        try (Mosquitto broker = Mosquitto.start(context.dir("footprint-broker"), IngestScenario.MAX_QUEUED)) {
            Path dataDir = context.dir("footprint-data");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SpineChild.class.getName(), broker.url(), dataDir.toString(),
                    Long.toString((long) tags * SAMPLES_PER_TAG))
                    .redirectError(context.workDir().resolve("footprint-child.err").toFile())
                    .start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                expect(out, SpineChild.SUBSCRIBED);
                context.progress("child JVM %d subscribed; publishing %d tags x %d", child.pid(), tags, SAMPLES_PER_TAG);
                try (LoadPublisher publisher = new LoadPublisher(broker.url(), 500)) {
                    for (int round = 1; round <= SAMPLES_PER_TAG; round++) {
                        for (int t = 0; t < tags; t++) {
                            String topic = "lineside/bench/footprint/line-" + t / 1000 + "/st-" + t / 10 % 100
                                    + "/signal-" + t % 10;
                            String json = String.format(Locale.ROOT, "{\"v\":%.2f,\"ts\":%d,\"q\":\"good\",\"seq\":%d}",
                                    t * 0.5, 1_700_000_000_000L + round * 1000L, round);
                            publisher.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1);
                        }
                    }
                }
                String ingested = expect(out, SpineChild.INGESTED);
                Thread.sleep(2_000); // let the allocation rate settle before reading RSS
                long rssKb = kb(child.pid(), "VmRSS");
                long peakKb = kb(child.pid(), "VmHWM");
                rows.add(Row.measured(NAME, "RSS of the spine at " + Row.format(tags) + " tags", rssKb / 1024.0, "MB",
                        Target.atMost(400, "MB"), ingested.substring(SpineChild.INGESTED.length()).trim()
                                + "; peak " + Row.format(peakKb / 1024.0) + " MB; child JVM with default heap "
                                + "settings, Services only (no JavaFX window)"));
            } finally {
                child.destroy();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return rows;
    }

    private static String expect(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("child JVM ended before printing " + prefix + " (see footprint-child.err)");
    }

    private static long kb(long pid, String field) {
        return Machine.field(Path.of("/proc", Long.toString(pid), "status"), field)
                .map(v -> Long.parseLong(v.replace("kB", "").trim()))
                .orElseThrow(() -> new IllegalStateException("no " + field + " in /proc/" + pid + "/status"));
    }
}
