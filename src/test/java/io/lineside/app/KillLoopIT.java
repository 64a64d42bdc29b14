package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.MosquittoPub;
import io.lineside.testsupport.RecorderProcess;
import io.lineside.testsupport.Witness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15/25, RELIABILITY.md scenario 19: two QoS 1 streams from an outside client ({@code mosquitto_pub}) at
 * 150 msg/s each, the recorder killed with SIGKILL 20 times at random moments (during start-up, mid-batch, and
 * while hours are folded: source times run an hour per 24 s of test) and restarted. An independent witness counts
 * what the broker delivered; history must hold every such message exactly once and no gap.
 */
class KillLoopIT {

    private static final int KILLS = 20;
    private static final int RATE = 150;
    private static final String[] SIGNALS = {"temperature", "pressure"};
    private static final String PREFIX = "lineside/plant/assembly/line1/press/";

    @TempDir
    Path dir;

    @Test
    void noBrokerAcknowledgedMessageIsLostOrDoubledAcross20Kills() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        String clientId = "lineside-kill-loop-" + ProcessHandle.current().pid();
        TagPath[] tags = {TagPath.parse("plant/assembly/line1/press/" + SIGNALS[0]),
                TagPath.parse("plant/assembly/line1/press/" + SIGNALS[1])};
        // Source times an hour per 3,600 messages, starting 5 h ago: finished hours fold while the stream runs.
        Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
        List<String> log = new ArrayList<>();
        BitSet[] delivered = new BitSet[SIGNALS.length];
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Witness witness = new Witness(broker.url(), "lineside/#");
             MosquittoPub a = MosquittoPub.start(broker.port(), PREFIX + SIGNALS[0], 1);
             MosquittoPub b = MosquittoPub.start(broker.port(), PREFIX + SIGNALS[1], 1)) {
            RecorderProcess recorder = RecorderProcess.start(broker.url(), clientId, data, tags[0].toString());
            // Until the recorder's persistent session exists, nobody but the witness accepts a message: seq 0.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (recorder.written() == 0 && System.nanoTime() < deadline) {
                a.send(json(0, base));
                Thread.sleep(50);
            }
            assertTrue(recorder.written() > 0, "the recorder never subscribed");

            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicLong published = new AtomicLong();
            Thread pacer = Thread.ofPlatform().name("kill-loop-pacer").start(() -> {
                long start = System.nanoTime();
                try {
                    for (long seq = 1; publishing.get(); seq++) {
                        long due = start + seq * 1_000_000_000L / RATE;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        a.send(json(seq, base));
                        b.send(json(seq, base));
                        published.set(seq);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int kill = 0; kill < KILLS; kill++) {
                long after = 50 + random.nextInt(2_500); // from start-up (< ~1.5 s) to steady ingest
                Thread.sleep(after);
                log.add("kill " + kill + " after " + after + " ms, written " + recorder.written());
                recorder.kill();
                recorder = RecorderProcess.start(broker.url(), clientId, data, tags[0].toString());
            }
            Thread.sleep(2_000);
            publishing.set(false);
            pacer.join();
            a.close();
            b.close();
            long last = published.get();
            RecorderProcess finalRecorder = recorder;
            Eventually.await("the last recorder reaches seq " + last + " (seed " + seed + ")", Duration.ofSeconds(120),
                    () -> finalRecorder.seq() == last);
            Eventually.await("every delivered message witnessed", Duration.ofSeconds(30),
                    () -> witness.seqs(PREFIX + SIGNALS[1]).cardinality() >= last);
            long settled = -1;
            while (settled != finalRecorder.written()) { // the second stream's tail is committed too
                settled = finalRecorder.written();
                Thread.sleep(1_000);
            }
            finalRecorder.close(); // SIGTERM: drains and closes the file
            for (int i = 0; i < SIGNALS.length; i++) {
                delivered[i] = witness.seqs(PREFIX + SIGNALS[i]);
            }
        }
        try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
            HistoryQuery query = new HistoryQuery(db);
            for (int i = 0; i < tags.length; i++) {
                List<TagValue> samples = query.samples(tags[i], base.minusSeconds(60), Instant.now().plusSeconds(60),
                        1_000_000);
                BitSet stored = new BitSet();
                long doubled = 0;
                for (TagValue v : samples) {
                    if (v.seq() > 0) {
                        doubled += stored.get((int) v.seq()) ? 1 : 0;
                        stored.set((int) v.seq());
                    }
                }
                delivered[i].clear(0); // the warm-up, before the recorder's session existed
                assertTrue(delivered[i].cardinality() > 1_000, "a real stream: " + delivered[i].cardinality());
                BitSet missing = (BitSet) delivered[i].clone();
                missing.andNot(stored);
                String context = tags[i] + " (seed " + seed + ", " + log + ")";
                assertEquals("{}", missing.toString(), context + ": delivered but not in history");
                assertEquals(0, doubled, context + ": stored twice");
                assertEquals(List.of(), query.gaps(tags[i], base.minusSeconds(60), Instant.now().plusSeconds(60)),
                        context + ": the broker lost nothing, so no gap");
            }
        }
    }

    /** What mosquitto_pub sends: seq n at base + n s (an hour per 3,600 messages). */
    private static String json(long seq, Instant base) {
        return "{\"v\":" + (20 + seq % 50) + ",\"ts\":" + base.plusSeconds(seq).toEpochMilli() + ",\"seq\":" + seq + "}";
    }
}
