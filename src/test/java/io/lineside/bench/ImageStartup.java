package io.lineside.bench;

import io.lineside.testsupport.Mosquitto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 4's start-up row: launches the packaged app-image (jlink runtime + launcher, built by
 * {@code ./mvnw -Pinstaller -DskipTests -Dinstaller.aot=true package}) under its own Xvfb against a live test
 * broker, several times, and reads the "first live frame N ms after process start" line the app logs
 * ({@code FirstFrameProbe}). The harness does not build the image (minutes of jlink and jpackage); without one the
 * row says how to make it.
 */
final class ImageStartup {

    /** Where the installer profile leaves the app-image. */
    static final Path APP_IMAGE = Path.of("target/jpackage/lineside");
    private static final Pattern FRAME = Pattern.compile("first live frame (\\d+) ms");
    private static final String METRIC = "start-up to first live frame, jlink app-image";

    private ImageStartup() {
    }

    static Row measure(BenchContext context, String scenario) {
        Target target = Target.atMost(2, "s");
        Path launcher = APP_IMAGE.resolve("bin/lineside");
        if (!Files.isExecutable(launcher)) {
            return Row.skipped(scenario, METRIC, target, "no app-image at " + APP_IMAGE + ": build it first with "
                    + "`./mvnw -Pinstaller -DskipTests -Dinstaller.aot=true package`");
        }
        if (!onPath("Xvfb")) {
            return Row.skipped(scenario, METRIC, target, "Xvfb is not installed (the packaged app needs a display)");
        }
        int runs = context.size(1, 5);
        try (Mosquitto broker = Mosquitto.start(context.dir("startup-broker"));
             Xvfb display = Xvfb.start(context.workDir())) {
            List<Long> millis = new ArrayList<>();
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread publisher = Thread.ofPlatform().name("startup-publisher").start(() -> publish(broker, publishing));
            try {
                for (int run = 0; run < runs; run++) {
                    millis.add(launchOnce(launcher, broker, display, context.dir("startup-" + run)));
                    context.progress("start-up run %d/%d: %d ms", run + 1, runs, millis.getLast());
                }
            } finally {
                publishing.set(false);
                publisher.join(5_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            double median = sorted.get(sorted.size() / 2) / 1000.0;
            boolean aot = Files.exists(APP_IMAGE.resolve("lib/app/lineside.aot"));
            return Row.measured(scenario, METRIC, median, "s", target, String.format(Locale.ROOT,
                    "median of %d launches (%s ms), %s; fresh data dir each, Xvfb, plant already publishing",
                    runs, sorted, aot ? "with the trained AOT cache" : "without an AOT cache"));
        } catch (Exception e) {
            return Row.failed(scenario, METRIC, e);
        }
    }

    private static long launchOnce(Path launcher, Mosquitto broker, Xvfb display, Path dir)
            throws IOException, InterruptedException {
        Path config = dir.resolve("station.yaml");
        Files.writeString(config, "broker:\n  url: " + broker.url() + "\n  clientId: bench-startup-" + dir.getFileName()
                + "\nstation:\n  name: bench\n");
        Path err = dir.resolve("hmi.err");
        ProcessBuilder builder = new ProcessBuilder(launcher.toAbsolutePath().toString(), "--config",
                config.toString(), "--data-dir", dir.resolve("data").toString())
                .redirectOutput(dir.resolve("hmi.out").toFile()).redirectError(err.toFile());
        builder.environment().put("DISPLAY", display.name());
        builder.environment().put("HOME", dir.toString());
        Process hmi = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && hmi.isAlive()) {
                Matcher m = FRAME.matcher(Files.readString(err, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("no first live frame within 60 s (exit " + (hmi.isAlive() ? "-" : hmi.exitValue())
                    + "); see " + err);
        } finally {
            hmi.destroy(); // SIGTERM: the app closes its history cleanly
            if (!hmi.waitFor(20, TimeUnit.SECONDS)) {
                hmi.destroyForcibly();
            }
        }
    }

    /** One press temperature at ~10 Hz, as the packaging smoke publishes it, until told to stop. */
    private static void publish(Mosquitto broker, AtomicBoolean running) {
        try (LoadPublisher publisher = new LoadPublisher(broker.url(), 10)) {
            for (long seq = 1; running.get(); seq++) {
                String json = String.format(Locale.ROOT, "{\"v\":%.1f,\"ts\":%d,\"q\":\"good\",\"seq\":%d}",
                        20 + seq % 5 + 0.5, System.currentTimeMillis(), seq);
                publisher.publish("lineside/plant/press/line1/press1/temperature",
                        json.getBytes(StandardCharsets.UTF_8), 1);
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException("start-up publisher failed", e);
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
