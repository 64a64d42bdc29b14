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
        assertTrue(perCallNanos < 50_000, perCallNanos + " ns per offer");
        assertTrue(diagnostics.snapshot().queueFull() > 0, "a queue of 4 overflows");
    }
}
