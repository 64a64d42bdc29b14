package io.lineside.telemetry.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagStore;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.testsupport.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decoder stage: what the MQTT callback calls returns at once and never throws, whatever it is given. */
class SparkplugHostTest {

    private final TagStore store = new TagStore();
    private final IngestDiagnostics diagnostics = new IngestDiagnostics();
    private final SparkplugHost host = new SparkplugHost(SparkplugSettings.defaults(List.of("plant1"), "h"),
            new StoreSink(store, u -> { }), (t, p) -> true, diagnostics, Clock.systemUTC(), 4);

    @AfterEach
    void close() {
        host.close();
    }

    private void awaitHandled(long count) {
        Eventually.await(count + " handled", Duration.ofSeconds(5), () -> {
            IngestDiagnostics.Snapshot s = diagnostics.snapshot();
            return s.decoded() + s.oversize() + s.parseErrors() + s.unknownMessages() >= count;
        });
    }

    @Test
    void birthAndDataAreAppliedOnTheHostThread() {
        host.offer(EngineFixture.NBIRTH, Payloads.nbirth(1, Payloads.doubleMetric("Hydraulics/pressure", 1, 5.0)),
                () -> { });
        awaitHandled(1);
        assertEquals(5.0, store.get(EngineFixture.NODE_PRESSURE).number());
        Eventually.await("node count published", Duration.ofSeconds(2), () -> host.nodeCount() == 1);
    }

    @Test
    void oversizePayloadIsCountedWithoutBeingCopiedAndMarksTheNodeBad() {
        host.offer(EngineFixture.NBIRTH, Payloads.nbirth(1, Payloads.doubleMetric("Hydraulics/pressure", 1, 5.0)),
                () -> { });
        awaitHandled(1);
        host.offer(EngineFixture.NDATA, new byte[SparkplugLimits.DEFAULT.maxPayloadBytes() + 1], () -> { });
        awaitHandled(2);
        assertEquals(1, diagnostics.snapshot().oversize());
        Eventually.await("BAD", Duration.ofSeconds(2),
                () -> store.get(EngineFixture.NODE_PRESSURE).quality() == Quality.BAD);
    }

    @Test
    void callbackNeverThrowsAndAFullQueueIsCounted() {
        host.offer("spBv1.0/plant1/NDATA/x", null, () -> { }); // a null payload: counted, not thrown
        host.offer(null, new byte[0], () -> { throw new IllegalStateException("ack failed"); });
        assertTrue(diagnostics.snapshot().callbackErrors() >= 1);

        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            host.offer("spBv1.0/plant1/NOPE/x", new byte[16], () -> { });
        }
        long perCallNanos = (System.nanoTime() - start) / 10_000;
        assertTrue(perCallNanos < 50_000, perCallNanos + " ns per offer while the decoder keeps up");
    }

    @Test
    void aStuckDecoderHoldsTheCallbackAtMostTwoSecondsThenCountsTheDrop() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SparkplugHost stuck = new SparkplugHost(SparkplugSettings.defaults(List.of("plant1"), "h"),
                new StoreSink(store, u -> await(release)), (t, p) -> true, diagnostics, Clock.systemUTC(), 1);
        try {
            stuck.offer(EngineFixture.NBIRTH, Payloads.nbirth(1, Payloads.doubleMetric("Hydraulics/pressure", 1,
                    5.0)), () -> { }); // the decoder takes it and blocks in the sink (a full history writer)
            Eventually.await("decoder busy", Duration.ofSeconds(2), () -> diagnostics.snapshot().received() == 1);
            Thread.sleep(100);
            stuck.offer("spBv1.0/plant1/NOPE/x", new byte[16], () -> { }); // fills the queue of 1
            long start = System.nanoTime();
            stuck.offer("spBv1.0/plant1/NOPE/y", new byte[16], () -> { }); // waits for room, then gives up
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 1_900 && waitedMillis < 3_000, "waited " + waitedMillis + " ms");
            assertEquals(1, diagnostics.snapshot().queueFull());
        } finally {
            release.countDown();
            stuck.close();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
