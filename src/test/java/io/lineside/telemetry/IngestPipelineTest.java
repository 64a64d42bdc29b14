package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.testsupport.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

    private static final String TOPIC = "lineside/demo/assembly/line-1/press/speed";
    private static final TagPath PATH = TagPath.parse("demo/assembly/line-1/press/speed");

    private final List<TagUpdate> received = new CopyOnWriteArrayList<>();
    private IngestPipeline pipeline = new IngestPipeline(new TopicMapper("lineside"), received::add,
            Clock.systemUTC(), 1024, 10_000);

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void send(String topic, String payload) {
        pipeline.offer(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitDecoded(long count) {
        Eventually.await(count + " messages handled", Duration.ofSeconds(5), () -> {
            IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
            return s.decoded() + s.unknownMessages() >= count;
        });
    }

    @Test
    void badPayloadMarksTheTagBadAndKeepsTheFirstBytesForDiagnosis() {
        send(TOPIC, "{\"v\":12.5,\"seq\":1}");
        send(TOPIC, "{\"v\":\"oops");
        awaitDecoded(2);
        assertEquals(12.5, received.get(0).value().number());
        assertEquals(Quality.BAD, received.get(1).value().quality());
        assertNull(received.get(1).value().value());
        IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
        assertEquals(1, s.parseErrors());
        assertEquals(TOPIC, s.lastBad().topic());
        assertEquals("7b2276223a226f6f7073", s.lastBad().hexPrefix());
    }

    @Test
    void aPayloadWithARepeatedKeyIsABadPayloadNotTheLastValue() {
        send(TOPIC, "{\"v\":12.5,\"seq\":1}");
        send(TOPIC, "{\"v\":13.5,\"v\":99.0,\"seq\":2}");
        awaitDecoded(2);
        assertEquals(Quality.BAD, received.get(1).value().quality());
        assertNull(received.get(1).value().value());
        IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
        assertEquals(1, s.parseErrors());
        assertTrue(s.lastBad().reason().startsWith("duplicate key"), s.lastBad().reason());
    }

    @Test
    void oversizePayloadIsDroppedBeforeParsing() {
        pipeline.offer(TOPIC, new byte[2048]);
        send(TOPIC, "1");
        awaitDecoded(1);
        assertEquals(1, pipeline.diagnostics().snapshot().oversize());
        assertEquals(1, received.size());
    }

    @Test
    void unknownTopicsAreCountedInABoundedMap() {
        for (int i = 0; i < IngestDiagnostics.MAX_UNKNOWN_TOPICS + 500; i++) {
            send("elsewhere/" + i, "1");
        }
        awaitDecoded(IngestDiagnostics.MAX_UNKNOWN_TOPICS + 500);
        IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
        assertEquals(IngestDiagnostics.MAX_UNKNOWN_TOPICS + 500, s.unknownMessages());
        assertEquals(IngestDiagnostics.MAX_UNKNOWN_TOPICS, s.unknownTopics());
        assertTrue(received.isEmpty());
    }

    @Test
    void sequenceGapsAreCountedAndLateMessagesPassOnFlaggedNeverDropped() {
        for (int seq : new int[] {1, 2, 4, 4, 3, 5, 1, 2}) {
            send(TOPIC, "{\"v\":" + seq + ",\"seq\":" + seq + "}");
        }
        awaitDecoded(8);
        IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
        assertEquals(1, s.seqGaps());
        assertEquals(0, s.duplicates(), "history decides which is new and counts true duplicates");
        assertEquals(2, s.lateMessages(), "a repeat of 4 and a late 3: late, not yet duplicates");
        assertEquals(List.of(1L, 2L, 4L, 4L, 3L, 5L, 1L, 2L), received.stream().map(u -> u.value().seq()).toList());
        assertEquals(List.of(false, false, false, true, true, false, false, false),
                received.stream().map(u -> u.value().late()).toList(), "only the repeat and the late one are LATE");
        assertEquals(PATH, received.get(0).path());
    }

    @Test
    void messagesWithoutASeqGetDistinctReceiveSequencesNeverTheClockAlone() {
        for (int i = 0; i < 50; i++) {
            send(TOPIC, Integer.toString(i)); // bare numbers: no seq, no time; many land in the same millisecond
        }
        awaitDecoded(50);
        List<Long> seqs = received.stream().map(u -> u.value().seq()).toList();
        assertEquals(50, seqs.stream().distinct().count(), "one key per message: " + seqs);
        assertTrue(seqs.stream().allMatch(q -> q < -1), "negative: never mistaken for a publisher seq");
        assertTrue(received.stream().noneMatch(u -> u.value().late()));
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlockingTheCallback() throws InterruptedException {
        pipeline.close();
        CountDownLatch release = new CountDownLatch(1);
        pipeline = new IngestPipeline(new TopicMapper("lineside"), u -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Clock.systemUTC(), 1024, 10);
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            send(TOPIC, "1");
        }
        long micros = (System.nanoTime() - start) / 1_000;
        release.countDown();
        assertTrue(pipeline.diagnostics().snapshot().queueFull() >= 1_000 - 11);
        assertTrue(micros < 200_000, "offer took " + micros + " us for 1000 messages");
    }

    @Test
    void putHoldsTheCallbackWhileTheDecoderIsBehindAndLosesNothing() throws InterruptedException {
        pipeline.close();
        CountDownLatch release = new CountDownLatch(1);
        List<TagUpdate> got = new CopyOnWriteArrayList<>();
        pipeline = new IngestPipeline(new TopicMapper("lineside"), u -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(u);
        }, Clock.systemUTC(), 1024, 10);
        Thread callback = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= 100; i++) {
                pipeline.put(TOPIC, ("{\"v\":" + i + ",\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                        IngestSink.NO_ACK);
            }
        });
        callback.join(300);
        assertTrue(callback.isAlive(), "the callback must wait for room, not drop");
        release.countDown();
        callback.join(5_000);
        Eventually.await("all decoded", Duration.ofSeconds(5), () -> got.size() == 100);
        assertEquals(0, pipeline.diagnostics().snapshot().queueFull());
        assertEquals(0, pipeline.diagnostics().snapshot().seqGaps());
    }

    @Test
    void everyMessageIsAcknowledgedAfterItsUpdatesAndInArrivalOrderWhateverBecameOfIt() {
        pipeline.close();
        List<String> events = new CopyOnWriteArrayList<>();
        pipeline = new IngestPipeline(new TopicMapper("lineside"), new IngestSink() {
            @Override
            public void accept(TagUpdate update) {
                events.add("update " + update.value().seq());
            }

            @Override
            public void messageDone(Runnable ack) {
                ack.run();
            }
        }, Clock.systemUTC(), 1024, 100);
        String[][] messages = {
                {TOPIC, "{\"v\":1,\"seq\":5}"},            // decoded
                {"elsewhere/x", "1"},                            // unknown topic
                {TOPIC, "{\"v\":1,\"seq\":5}"},            // a repeat: to history, flagged late
                {TOPIC, "{\"v\":"},                            // malformed: a BAD update
                {TOPIC, "9".repeat(2048)},                       // oversize: refused before parsing
                {TOPIC, "{\"v\":2,\"seq\":6}"}};
        for (int i = 0; i < messages.length; i++) {
            int n = i;
            pipeline.offer(messages[i][0], messages[i][1].getBytes(StandardCharsets.UTF_8), () -> events.add("ack " + n));
        }
        Eventually.await("six acks", Duration.ofSeconds(5), () -> events.stream().filter(e -> e.startsWith("ack")).count() == 6);
        assertEquals(List.of("update 5", "ack 0", "ack 1", "update 5", "ack 2", "update -2", "ack 3", "ack 4", "update 6",
                        "ack 5"),
                events);
    }

    @Test
    void aMessageWhoseHandlingFailsIsNeverAcknowledged() {
        pipeline.close();
        List<String> acked = new CopyOnWriteArrayList<>();
        pipeline = new IngestPipeline(new TopicMapper("lineside"), new IngestSink() {
            @Override
            public void accept(TagUpdate update) {
                if (update.value().seq() == 2) {
                    throw new IllegalStateException("store refused it");
                }
            }

            @Override
            public void messageDone(Runnable ack) {
                ack.run();
            }
        }, Clock.systemUTC(), 1024, 100);
        for (int seq = 1; seq <= 3; seq++) {
            int n = seq;
            pipeline.offer(TOPIC, ("{\"v\":1,\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8),
                    () -> acked.add("ack " + n));
        }
        Eventually.await("two acks", Duration.ofSeconds(5), () -> acked.size() == 2);
        assertEquals(List.of("ack 1", "ack 3"), acked);
        assertEquals(1, pipeline.diagnostics().snapshot().callbackErrors());
    }
}
