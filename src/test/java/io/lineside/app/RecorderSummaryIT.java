package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: the headless recorder reports what it refused, in a periodic line and at stop, and the counts reach the
 * diagnose bundle. Fed by mosquitto_pub (an outside client) with good, unchanged, malformed, unknown and
 * duplicate-key messages.
 */
class RecorderSummaryIT {

    @TempDir
    Path dir;

    private static void pub(Mosquitto broker, String topic, String... lines) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port()), "-q",
                "1", "-t", topic, "-l").start();
        p.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    @Test
    void theSummaryLineTellsWhatWasRefusedAndTheBundleHasIt() throws Exception {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        Recorder recorder = new Recorder().summaryEvery(Duration.ofMillis(500));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            Thread run = Thread.ofPlatform().start(() -> recorder.run(AppConfig.demo(), broker.url(), "rec-summary",
                    data, Clock.systemUTC(), out, new PrintStream(new ByteArrayOutputStream())));
            Eventually.await("recording", Duration.ofSeconds(20),
                    () -> outBytes.toString(StandardCharsets.UTF_8).contains("recording"));
            Thread.sleep(1_000); // subscribed
            String topic = "lineside/demo/assembly/line-1/press/speed";
            pub(broker, topic, "{\"v\":1,\"ts\":1790000000000,\"seq\":1}", "{\"v\":2,\"seq\":2}",
                    "{\"v\":3,\"seq\":3}", "{\"v\":4,\"v\":5,\"seq\":4}", "{\"v\":", "{\"v\":6,\"seq\":9}",
                    "{\"v\":1,\"ts\":1790000000000,\"seq\":1}"); // the last: a true duplicate of seq 1
            pub(broker, "lineside/nowhere", "1", "2");
            Eventually.await("a summary with every message", Duration.ofSeconds(15),
                    () -> outBytes.toString(StandardCharsets.UTF_8).contains("received 9,"));
            recorder.requestStop();
            run.join(20_000);
        }
        String log = outBytes.toString(StandardCharsets.UTF_8);
        String stop = log.lines().filter(l -> l.startsWith("lineside record: stopped")).findFirst().orElseThrow();
        System.out.println(stop);
        assertTrue(stop.contains("received 9, decoded 7,"), stop); // 4 good + 2 refused (stored as BAD) + 1 repeat
        assertTrue(stop.contains("parse errors 2,"), stop);
        assertTrue(stop.contains("unknown messages 2 (1 topics"), stop);
        assertTrue(stop.contains("seq gaps 1,"), stop);
        assertTrue(stop.contains("handled 7 "), stop);
        assertTrue(stop.contains("rows inserted 6)"), stop); // the repeat of seq 1 adds no row
        assertTrue(stop.contains("duplicates 1, late messages 0,"), stop); // seq 1 reads as a publisher restart
        assertTrue(stop.contains("reconnects 0"), stop);
        String file = Files.readString(data.resolve(RecorderSummary.FILE));
        assertTrue(file.contains(stop.substring(stop.indexOf("received"))), file);

        Path bundle = dir.resolve("bundle.zip");
        assertEquals(0, DiagnoseCommand.run(bundle, java.util.Optional.empty(), java.util.Optional.empty(), data,
                java.util.Optional.empty(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())));
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(entries.get("recorder-counters.txt").contains("parse errors 2,"), entries.toString());
        assertTrue(entries.get("recorder-counters.txt").contains("rows inserted 6), duplicates 1,"), entries.toString());
    }
}
