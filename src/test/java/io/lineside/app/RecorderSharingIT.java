package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.ReferencePublisher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0008: the recorder ({@code lineside record}, its own process) and the HMI share one station data
 * directory. Whoever opens history first owns it; the HMI then becomes a live viewer, and the recorder waits
 * for the HMI to exit. Real processes, a real Mosquitto, real H2 files.
 */
class RecorderSharingIT {

    private static final String TOPIC = "lineside/plant/press/line1/press1/temperature";
    private static final TagPath TAG = TagPath.parse("plant/press/line1/press1/temperature");

    @TempDir
    Path dir;

    @Test
    void anHmiStartedBesideARunningRecorderIsALiveViewerAndTheRecorderKeepsHistory() throws Exception {
        Path data = dir.resolve("data");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            Path config = config(broker.url());
            Child recorder = Child.start(config, data, dir.resolve("recorder.err"));
            recorder.awaitLine("lineside record: recording");
            AppConfig appConfig = new ConfigLoader().load(config);
            Path scratch;
            try (StationSpine hmi = StationSpine.open(appConfig, broker.url(), "lineside-it", data, Clock.systemUTC())) {
                assertTrue(hmi.viewer(), "the recorder holds history, so the HMI is a viewer");
                scratch = hmi.scratch();
                assertFalse(scratch.startsWith(data), "the viewer writes nothing into the station's data directory");
                assertNotEquals("lineside-it", StationSpine.viewerClientId("lineside-it"));
                Eventually.await("both processes subscribed and receiving", Duration.ofSeconds(30), () -> {
                    publish(publisher, 21.5);
                    return hmi.services().store().get(TAG) != null && recorder.saw("first samples committed");
                });
            }
            assertFalse(Files.exists(scratch), "the viewer's scratch history is deleted when it closes");
            assertEquals(0, recorder.stop(), "SIGTERM is a clean stop for the recorder's own code path");
            assertTrue(recorder.saw("lineside record: stopped"), recorder.lines.toString());
            try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
                assertTrue(new HistoryQuery(db).sampleCount() > 0, "the recorder's samples are in the station history");
            }
        }
    }

    @Test
    void aRecorderStartedWhileTheHmiOwnsHistoryWaitsAndTakesOverWhenTheHmiExits() throws Exception {
        Path data = dir.resolve("data");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             ReferencePublisher publisher = new ReferencePublisher(broker.url())) {
            Path config = config(broker.url());
            AppConfig appConfig = new ConfigLoader().load(config);
            Child recorder;
            try (StationSpine hmi = StationSpine.open(appConfig, broker.url(), "lineside-it-hmi", data, Clock.systemUTC())) {
                assertFalse(hmi.viewer());
                recorder = Child.start(config, data, dir.resolve("recorder.err"));
                Eventually.await("the recorder says it waits", Duration.ofSeconds(30),
                        () -> recorder.errText().contains("in use by another Lineside instance; waiting"));
                assertFalse(recorder.saw("lineside record: recording"));
            }
            recorder.awaitLine("lineside record: recording");
            Eventually.await("the recorder commits samples", Duration.ofSeconds(30), () -> {
                publish(publisher, 22.5);
                return recorder.saw("first samples committed");
            });
            assertEquals(0, recorder.stop());
        }
    }

    private Path config(String brokerUrl) throws IOException {
        return Files.writeString(dir.resolve("station.yaml"), "broker:\n  url: " + brokerUrl
                + "\n  clientId: lineside-rec-it\nstation:\n  name: it\n");
    }

    private static void publish(ReferencePublisher publisher, double value) {
        try {
            publisher.publish(TOPIC, value);
            Thread.sleep(50);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code lineside record} in its own JVM on this test's class path. */
    private record Child(Process process, List<String> lines, Path err) {

        static Child start(Path config, Path data, Path err) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "record", "--config", config.toString(), "--data-dir", data.toString()));
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            Child child = new Child(p, new CopyOnWriteArrayList<>(), err);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        child.lines.add(line);
                    }
                } catch (IOException e) {
                    // the child is gone
                }
            });
            return child;
        }

        boolean saw(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }

        String errText() {
            try {
                return Files.exists(err) ? Files.readString(err) : "";
            } catch (IOException e) {
                return "";
            }
        }

        void awaitLine(String text) {
            Eventually.await("recorder prints \"" + text + "\" (stderr: " + errText() + ")", Duration.ofSeconds(30),
                    () -> saw(text));
        }

        /** SIGTERM; returns 0 when the recorder closed everything (its last line) and the JVM exited. */
        int stop() throws InterruptedException {
            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            Eventually.await("the recorder says it stopped (exit " + process.exitValue() + ", stdout " + lines + ", stderr "
                    + errText() + ")", Duration.ofSeconds(5), () -> saw("lineside record: stopped"));
            return process.exitValue() == 143 || process.exitValue() == 0 ? 0 : process.exitValue();
        }
    }
}
