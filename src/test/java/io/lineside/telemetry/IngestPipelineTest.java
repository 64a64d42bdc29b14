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
            return s.decoded() + s.unknownMessages() + s.duplicates() >= count;
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
    void sequenceGapsAreCountedAndDuplicatesDropped() {
        for (int seq : new int[] {1, 2, 4, 4, 3, 5, 1, 2}) {
            send(TOPIC, "{\"v\":" + seq + ",\"seq\":" + seq + "}");
        }
        awaitDecoded(8);
        IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
        assertEquals(1, s.seqGaps());
        assertEquals(2, s.duplicates());
        assertEquals(List.of(1L, 2L, 4L, 5L, 1L, 2L), received.stream().map(u -> u.value().seq()).toList());
        assertEquals(PATH, received.get(0).path());
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
}
