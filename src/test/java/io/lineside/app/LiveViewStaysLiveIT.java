package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmService;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.ThrottledWriters;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.IngestPipeline;
import io.lineside.telemetry.IngestSink;
import io.lineside.telemetry.MqttConnection;
import io.lineside.telemetry.TopicMapper;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.Witness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 / decision 0022: a history writer throttled to 200 rows a second while a publisher sends 1,000 messages a
 * second through a real Mosquitto. The tag store keeps up with the publisher (broker to tag store latency stays
 * small) while history falls seconds behind and says so. At QoS 0 what history had no room for is a counted gap
 * row, so stored + gapped = published, seq by seq; at QoS 1 every message the witness saw is stored once the
 * throttle lifts, and nothing is acknowledged before its commit.
 */
class LiveViewStaysLiveIT {

    private static final String TOPIC = "lineside/demo/assembly/line-1/press/speed";
    private static final TagPath PATH = new TopicMapper("lineside").map(TOPIC);
    private static final int RATE = 1_000;
    private static final Duration PUBLISHING = Duration.ofSeconds(4);
    private static final int MESSAGES = (int) (RATE * PUBLISHING.toSeconds());
    private static final Duration PER_ROW = Duration.ofMillis(5); // 200 rows a second: a fifth of the rate
    /** QoS 0: room for a quarter of the stream, so the rest must become gaps. */
    private static final int CAPACITY_QOS0 = 1_000;
    /** QoS 1: every message and its ack fit the hard limit (2 x 5,000), since Mosquitto sends nearly all at once. */
    private static final int CAPACITY_QOS1 = 5_000;

    @TempDir
    Path dir;

    /** What one run saw. */
    private record Run(long[] latenciesMillis, long maxSeqBehind, boolean sawDelayed, Duration maxLag,
                       long writtenAtEnd, long maxUnacked, long acked, long ackedMessagesDone,
                       BitSet stored, List<TagGap> gaps, long storedCount, long dropped, long gapped,
                       long withheld, long witnessed, BitSet witnessSeqs, long lastLiveSeq) {

        long p(double quantile) {
            long[] sorted = latenciesMillis.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
        }

        String summary(int qos) {
            return String.format(Locale.ROOT, "QoS %d: broker->store latency p50 %d ms p99 %d ms max %d ms; store at most"
                            + " %d seqs behind the publisher; history written at publish end %d of %d, max lag %d ms;"
                            + " max un-acked %d; dropped %d, gapped %d, withheld %d, stored %d, gap rows %d",
                    qos, p(0.5), p(0.99), p(1.0), maxSeqBehind, writtenAtEnd, MESSAGES, maxLag.toMillis(),
                    maxUnacked, dropped, gapped, withheld, storedCount, gaps.size());
        }
    }

    @Test
    void atQos0TheLiveViewKeepsUpAndWhatHistoryCannotStoreIsAGapNeverASilentLoss() throws Exception {
        Run run = run(0);
        System.out.println(run.summary(0));

        assertLiveViewStayedLive(run);
        assertTrue(run.dropped() > 0, "history had room for everything: the test proves nothing");
        assertEquals(run.dropped(), run.gapped(), "every sample not stored is in a gap row");
        // Seq by seq: each published message is either a stored sample or inside exactly one gap row.
        BitSet covered = (BitSet) run.stored().clone();
        long gapMissing = 0;
        for (TagGap gap : run.gaps()) {
            assertTrue(gap.firstSeq() > 0, "a stretch of dropped seqs knows its first: " + gap);
            BitSet range = new BitSet();
            range.set((int) gap.firstSeq(), (int) (gap.firstSeq() + gap.missing()));
            assertTrue(!range.intersects(covered), "a gap over a stored or already gapped seq: " + gap);
            covered.or(range);
            gapMissing += gap.missing();
        }
        assertEquals(MESSAGES, run.storedCount() + gapMissing, "stored + gap-counted = published");
        BitSet all = new BitSet();
        all.set(1, MESSAGES + 1);
        assertEquals(all, covered);
        assertEquals(MESSAGES, run.witnessed());
    }

    @Test
    void atQos1TheLiveViewIsNotHeldByTheDecoderAndEveryWitnessedMessageIsStoredOnceTheThrottleLifts()
            throws Exception {
        Run run = run(1);
        System.out.println(run.summary(1));

        assertEquals(MESSAGES, run.witnessed());
        assertEquals(run.witnessSeqs(), run.stored(), "every message the broker delivered is in history");
        assertEquals(MESSAGES, run.storedCount(), "and only once");
        assertEquals(0, run.dropped());
        assertEquals(0, run.withheld());
        assertTrue(run.gaps().isEmpty(), run.gaps().toString());
        assertEquals(MESSAGES, run.ackedMessagesDone());
        assertEquals(MESSAGES, run.acked(), "every message acknowledged, each after its commit");
        assertTrue(run.sawDelayed(), "history lagged without saying so");
        assertTrue(run.maxLag().toMillis() >= 1_000, "history was not seconds behind: " + run.maxLag());
        // The live view had the publisher's last message while history was still behind: only the broker's flow
        // (it releases more messages as acks come, and acks follow commits) waits for history, not the decoder.
        // How far the live view lags at QoS 1 is therefore the broker's and the commits' cadence (p99 1.6 s and
        // 6.5 s in two runs here, when a 5,000-row backlog batch took 25 s on this throttled disk); before decision
        // 0022 the store reached the last message only as history did (p99 12.5 s).
        assertEquals(MESSAGES, run.lastLiveSeq());
        assertTrue(run.writtenAtEnd() < MESSAGES, "history was not behind the live view: the test proves nothing");
        assertEquals(MESSAGES, run.latenciesMillis().length);
    }

    private static void assertLiveViewStayedLive(Run run) {
        assertTrue(run.writtenAtEnd() < MESSAGES / 2,
                "history did not lag (" + run.writtenAtEnd() + " written): the test proves nothing");
        assertTrue(run.sawDelayed(), "history lagged without saying so");
        assertTrue(run.maxLag().toMillis() >= 1_000, "history was not seconds behind: " + run.maxLag());
        assertEquals(MESSAGES, run.lastLiveSeq(), "the live value is the publisher's last");
        assertEquals(MESSAGES, run.latenciesMillis().length, "the live view saw every message");
        assertTrue(run.p(0.99) < 500, "p99 broker -> tag store latency " + run.p(0.99) + " ms");
        assertTrue(run.maxSeqBehind() < RATE / 2, "the store fell " + run.maxSeqBehind() + " messages behind");
    }

    private Run run(int qos) throws Exception {
        AtomicBoolean throttled = new AtomicBoolean(true);
        long[] latencies = new long[MESSAGES];
        AtomicLong seen = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong ackedDone = new AtomicLong();
        AtomicLong published = new AtomicLong();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker-" + qos));
             HistoryDatabase db = HistoryDatabase.open(dir.resolve("db-" + qos));
             Witness witness = new Witness(broker.url(), "lineside/#")) {
            HistoryWriter writer = ThrottledWriters.open(db, qos == 0 ? CAPACITY_QOS0 : CAPACITY_QOS1, PER_ROW,
                    throttled::get);
            TagStore store = new TagStore();
            AlarmService alarms = new AlarmService(List.of(), new AlarmJournalStore(db), Clock.systemUTC());
            Fanout fanout = new Fanout(store, alarms, writer);
            IngestSink timed = new IngestSink() { // the production sink, with a stopwatch after each update
                @Override
                public void messageBegins(boolean acknowledged) {
                    fanout.messageBegins(acknowledged);
                }

                @Override
                public void accept(TagUpdate update) {
                    fanout.accept(update);
                    int i = (int) seen.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = System.currentTimeMillis() - update.value().sourceTime().toEpochMilli();
                    }
                }

                @Override
                public void gap(TagGap gap) {
                    fanout.gap(gap);
                }

                @Override
                public void describe(TagPath path, TagMeta meta) {
                    fanout.describe(path, meta);
                }

                @Override
                public void messageDone(Runnable ack) {
                    if (ack == IngestSink.NO_ACK) {
                        fanout.messageDone(ack);
                        return;
                    }
                    ackedDone.incrementAndGet();
                    fanout.messageDone(() -> {
                        acked.incrementAndGet();
                        ack.run();
                    });
                }
            };
            IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), timed, Clock.systemUTC(),
                    256 * 1024, 50_000);
            MqttConnection connection = new MqttConnection(new MqttConnection.Settings(broker.url(),
                    "lineside-live-" + System.nanoTime(), "lineside/#", null, null, dir.resolve("session-" + qos)),
                    pipeline::put, Clock.systemUTC());
            connection.start();
            Eventually.await("subscribed", Duration.ofSeconds(10), connection::subscribed);

            long[] maxBehind = new long[1];
            long[] maxUnacked = new long[1];
            boolean[] sawDelayed = new boolean[1];
            Duration[] maxLag = {Duration.ZERO};
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().start(() -> {
                while (sampling.get()) {
                    TagValue live = store.get(PATH);
                    maxBehind[0] = Math.max(maxBehind[0], published.get() - (live == null ? 0 : live.seq()));
                    maxUnacked[0] = Math.max(maxUnacked[0], ackedDone.get() - acked.get());
                    sawDelayed[0] |= writer.delayed();
                    Duration lag = writer.lag();
                    maxLag[0] = lag.compareTo(maxLag[0]) > 0 ? lag : maxLag[0];
                    sleep(20);
                }
            });
            publish(broker.url(), qos, published);
            Eventually.await("the live view has the last message", Duration.ofSeconds(10), () -> {
                TagValue live = store.get(PATH);
                return live != null && live.seq() == MESSAGES;
            });
            long writtenAtEnd = writer.writtenCount();
            long lastLive = store.get(PATH).seq();
            sampling.set(false);
            sampler.join();

            throttled.set(false);
            Eventually.await("history caught up", Duration.ofSeconds(120), () -> !writer.delayed()
                    && writer.writtenCount() + writer.droppedCount() >= MESSAGES
                    && (qos == 0 || acked.get() == MESSAGES));
            connection.close();
            pipeline.close();
            writer.close();
            alarms.close();

            HistoryQuery query = new HistoryQuery(db);
            BitSet stored = new BitSet();
            List<TagValue> samples = query.samples(PATH, Instant.EPOCH, Instant.now().plusSeconds(60), 2 * MESSAGES);
            samples.forEach(v -> stored.set((int) v.seq()));
            List<TagGap> gaps = query.gaps(PATH, Instant.EPOCH, Instant.now().plusSeconds(60));
            long[] measured = Arrays.copyOf(latencies, (int) Math.min(seen.get(), MESSAGES));
            return new Run(measured, maxBehind[0], sawDelayed[0], maxLag[0], writtenAtEnd, maxUnacked[0], acked.get(),
                    ackedDone.get(), stored, gaps, samples.size(), writer.droppedCount(), writer.gappedCount(),
                    writer.withheldCount(), witness.messages(TOPIC), witness.seqs(TOPIC), lastLive);
        }
    }

    /** {@link #MESSAGES} messages at {@link #RATE} a second, seq 1.., source time = now, value = seq. */
    private static void publish(String url, int qos, AtomicLong published) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(url, "live-pub-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(10_000);
        client.connect(options).waitForCompletion(10_000);
        long start = System.nanoTime();
        for (int seq = 1; seq <= MESSAGES; seq++) {
            long due = start + (seq - 1) * TimeUnit.SECONDS.toNanos(1) / RATE;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String json = "{\"v\":" + seq + ",\"ts\":" + System.currentTimeMillis() + ",\"q\":\"good\",\"seq\":" + seq + "}";
            client.publish(TOPIC, json.getBytes(StandardCharsets.UTF_8), qos, false);
            published.set(seq);
        }
        Thread.sleep(200);
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
