package io.lineside.telemetry.sparkplug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.MqttConnection;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.TahuEdgeNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host against a real Mosquitto and a Tahu edge node: births, data by alias, a lost message that turns into a
 * counted gap and an NCMD rebirth the edge node receives and answers, is_historical to H2 only, and NDEATH.
 */
class SparkplugHostIT {

    private static final TagPath PRESSURE = TagPath.parse("plant1/press-cell/node/Hydraulics/pressure");
    private static final TagPath SPEED = TagPath.parse("plant1/press-cell/press1/Ram/speed");
    private static final TagPath STROKES = TagPath.parse("plant1/press-cell/press1/Ram/strokes");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Mosquitto broker;
    private HistoryDatabase database;
    private HistoryWriter writer;
    private final TagStore store = new TagStore();
    private final IngestDiagnostics diagnostics = new IngestDiagnostics();
    private SparkplugLink link;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"));
        database = HistoryDatabase.open(dir.resolve("db"));
        writer = new HistoryWriter(database);
        link = new SparkplugLink(SparkplugSettings.defaults(List.of("plant1"), "it-host"),
                new MqttConnection.Settings(broker.url(), "it-spb-" + System.nanoTime(), "", null, null),
                new StoreSink(store, writer), diagnostics, Clock.systemUTC(), status -> { });
        link.start();
        Eventually.await("host subscribed", WAIT, () -> link.connection().subscribed());
    }

    @AfterEach
    void stop() {
        link.close();
        writer.close();
        database.close();
        broker.close();
    }

    private void awaitValue(TagPath path, double expected) {
        Eventually.await(path + " = " + expected, WAIT, () -> {
            TagValue v = store.get(path);
            return v != null && v.quality() == Quality.GOOD && v.number() == expected;
        });
    }

    @Test
    void edgeNodeLifecycleFromBirthThroughGapAndRebirthToDeath() throws Exception {
        try (TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 3)) {
            edge.birth();
            awaitValue(PRESSURE, 180.0);
            awaitValue(SPEED, 0.5);
            awaitValue(STROKES, 1.0);

            edge.deviceData(0.75); // by alias only
            awaitValue(SPEED, 0.75);

            Instant sampled = Instant.now().minusSeconds(60);
            edge.historicalStrokes(42, Date.from(sampled));
            Eventually.await("historical stroke count in H2", WAIT, () -> strokesInHistory(sampled) == 42.0);
            assertEquals(1.0, store.get(STROKES).number(), "the live value is untouched");

            edge.pressure = 190.0; // what its next birth will say
            edge.loseOneMessage();
            edge.deviceData(0.9); // waits for the lost one, then the gap is given up
            Eventually.await("rebirth requested and received", WAIT, () -> !edge.rebirthRequests().isEmpty());
            assertEquals(1, diagnostics.snapshot().seqGaps());
            assertEquals(1, diagnostics.snapshot().rebirthRequests());
            awaitValue(PRESSURE, 190.0); // the edge node's answer: births again, seq from 0

            edge.deviceData(1.1);
            awaitValue(SPEED, 1.1);
            assertEquals(1, diagnostics.snapshot().seqGaps(), "the rebirth resynchronised seq");

            edge.death(2); // an older session's Will
            Eventually.await("stale death ignored", WAIT, () -> diagnostics.snapshot().ignoredDeaths() == 1);
            assertEquals(Quality.GOOD, store.get(SPEED).quality());

            Instant beforeDeath = Instant.now();
            edge.death(3);
            Eventually.await("all of the node's tags STALE", Duration.ofSeconds(2), () -> List.of(PRESSURE, SPEED, STROKES)
                    .stream().allMatch(p -> store.get(p).quality() == Quality.STALE));
            assertTrue(!store.get(SPEED).receiveTime().isBefore(beforeDeath), "stamped with the receive time");
            assertEquals(1.1, store.get(SPEED).number(), "the last value stays visible");
        }
        assertEquals(0, diagnostics.snapshot().parseErrors());
        assertEquals(0, diagnostics.snapshot().callbackErrors());
    }

    @Test
    void lostBrokerLinkTurnsEveryTagStaleAndTheNextDataAfterReconnectAsksForARebirth() throws Exception {
        try (TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 1)) {
            edge.birth();
            awaitValue(SPEED, 0.5);
        }
        broker.kill();
        Eventually.await("every tag STALE", Duration.ofSeconds(2), () -> List.of(PRESSURE, SPEED, STROKES).stream()
                .allMatch(p -> store.get(p).quality() == Quality.STALE));

        broker.restart();
        Eventually.await("host subscribed again", Duration.ofSeconds(15), () -> link.connection().subscribed());
        try (TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 1)) {
            edge.deviceData(0.6); // the node may have been reborn while we were away: do not trust old aliases
            Eventually.await("rebirth requested", WAIT, () -> !edge.rebirthRequests().isEmpty());
            awaitValue(SPEED, 0.6); // its answer: births again, with the current speed
        }
    }

    private double strokesInHistory(Instant sampled) {
        try {
            List<TrendBucket> buckets = new HistoryQuery(database).trend(STROKES, sampled.minusSeconds(1),
                    sampled.plusSeconds(1), 1);
            return buckets.isEmpty() ? Double.NaN : buckets.getFirst().last();
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
