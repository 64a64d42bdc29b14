package io.lineside.telemetry.sparkplug;

import static io.lineside.telemetry.sparkplug.EngineFixture.DBIRTH;
import static io.lineside.telemetry.sparkplug.EngineFixture.DDATA;
import static io.lineside.telemetry.sparkplug.EngineFixture.DDEATH;
import static io.lineside.telemetry.sparkplug.EngineFixture.DEVICE_SPEED;
import static io.lineside.telemetry.sparkplug.EngineFixture.DEVICE_STATE;
import static io.lineside.telemetry.sparkplug.EngineFixture.NBIRTH;
import static io.lineside.telemetry.sparkplug.EngineFixture.NCMD;
import static io.lineside.telemetry.sparkplug.EngineFixture.NDATA;
import static io.lineside.telemetry.sparkplug.EngineFixture.NDEATH;
import static io.lineside.telemetry.sparkplug.EngineFixture.NODE_PRESSURE;
import static io.lineside.telemetry.sparkplug.Payloads.byAlias;
import static io.lineside.telemetry.sparkplug.Payloads.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.junit.jupiter.api.Test;

class SparkplugEngineTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void birthsPutEveryDeclaredMetricInTheStoreWithItsTypeAndSourceTime() {
        f.birthNodeAndDevice(7);

        assertEquals(180.0, f.value(NODE_PRESSURE).number());
        assertEquals(0.5, f.value(DEVICE_SPEED).number());
        assertEquals("running", f.value(DEVICE_STATE).value());
        assertEquals(Quality.GOOD, f.value(DEVICE_SPEED).quality());
        assertEquals(Instant.ofEpochMilli(Payloads.T0), f.value(DEVICE_SPEED).sourceTime());
        assertEquals(f.now, f.value(DEVICE_SPEED).receiveTime());
        assertEquals(3, f.history.size(), "live values are written to history too");
        assertEquals(0, f.counts().unknownMessages(), "bdSeq is a control metric, not an unknown one");
    }

    @Test
    void dataByAliasUpdatesTheMetricTheBirthDeclared() {
        f.birthNodeAndDevice(7);
        f.send(DDATA, message(2, byAlias(2, 0.75)));
        f.send(NDATA, message(3, byAlias(1, 181.5)));

        assertEquals(0.75, f.value(DEVICE_SPEED).number());
        assertEquals(181.5, f.value(NODE_PRESSURE).number());
        assertEquals(3, f.value(NODE_PRESSURE).seq());
    }

    @Test
    void aliasOfAnotherDeviceOrScopeIsNotGuessed() {
        f.birthNodeAndDevice(7);
        f.send(NDATA, message(2, byAlias(2, 99.0))); // alias 2 belongs to device press1, not the node

        assertEquals(0.5, f.value(DEVICE_SPEED).number());
        assertEquals(1, f.counts().unknownMessages());
        assertEquals(List.of(NCMD), f.commands);
    }

    @Test
    void seqWrapsFrom255To0WithoutAGap() {
        f.birthNodeAndDevice(7);
        for (int seq = 2; seq <= 260; seq++) {
            f.send(NDATA, message(seq & 0xFF, byAlias(1, seq)));
        }
        f.advance(Duration.ofSeconds(3));

        assertEquals(260.0, f.value(NODE_PRESSURE).number());
        assertEquals(0, f.counts().seqGaps());
        assertEquals(List.of(), f.commands);
    }

    @Test
    void lateMessageWithinTheReorderTimeoutIsAppliedInOrder() {
        f.birthNodeAndDevice(7);
        f.send(NDATA, message(2, byAlias(1, 2)));
        f.send(NDATA, message(4, byAlias(1, 4))); // 3 is late
        f.advance(Duration.ofMillis(500));
        assertEquals(2.0, f.value(NODE_PRESSURE).number(), "4 waits for 3");

        f.send(NDATA, message(3, byAlias(1, 3)));
        assertEquals(4.0, f.value(NODE_PRESSURE).number());
        List<Double> order = f.history.stream().filter(u -> u.path().equals(NODE_PRESSURE))
                .map(u -> u.value().number()).toList();
        assertEquals(List.of(180.0, 2.0, 3.0, 4.0), order);
        f.advance(Duration.ofSeconds(5));
        assertEquals(0, f.counts().seqGaps());
        assertEquals(List.of(), f.commands);
    }

    @Test
    void gapThatOutlastsTheReorderTimeoutIsCountedAndRequestsARebirth() {
        f.birthNodeAndDevice(7);
        f.send(NDATA, message(3, byAlias(1, 3))); // 2 never comes
        f.advance(Duration.ofMillis(1_900));
        assertEquals(0, f.counts().seqGaps());
        assertEquals(List.of(), f.commands);

        f.advance(Duration.ofMillis(200));
        assertEquals(1, f.counts().seqGaps());
        assertEquals(3.0, f.value(NODE_PRESSURE).number(), "what waited is applied once the gap is given up");
        assertEquals(List.of(NCMD), f.commands);
        assertEquals(1, f.counts().rebirthRequests());
    }

    @Test
    void rebirthRequestsAreDebouncedPerNode() {
        f.birthNodeAndDevice(7);
        f.send(NDATA, message(3, byAlias(1, 3)));
        f.advance(Duration.ofSeconds(2));
        f.send(NDATA, message(5, byAlias(1, 5)));
        f.advance(Duration.ofSeconds(2)); // second gap 2 s after the first request: debounced
        assertEquals(2, f.counts().seqGaps());
        assertEquals(1, f.commands.size());

        f.send(NDATA, message(7, byAlias(1, 7)));
        f.advance(Duration.ofMillis(2_900)); // the third gap gives up 4.9 s after the first request: debounced
        assertEquals(3, f.counts().seqGaps());
        assertEquals(1, f.commands.size());
        f.send(NDATA, message(9, byAlias(1, 9)));
        f.advance(Duration.ofSeconds(2)); // 6.9 s after the first request
        assertEquals(2, f.commands.size());
    }

    @Test
    void dataBeforeAnyBirthRequestsARebirthAndIsNotApplied() {
        f.send(NDATA, message(5, byAlias(1, 42)));
        f.send(DDATA, message(6, byAlias(2, 42)));

        assertTrue(f.store.paths().isEmpty());
        assertEquals(List.of(NCMD), f.commands, "one request, debounced");
    }

    @Test
    void deviceDataBeforeItsBirthRequestsARebirth() {
        f.send(NBIRTH, Payloads.nbirth(1, Payloads.doubleMetric("Hydraulics/pressure", 1, 180.0)));
        f.send(DDATA, message(1, byAlias(2, 42)));

        assertNull(f.value(DEVICE_SPEED));
        assertEquals(List.of(NCMD), f.commands);
    }

    @Test
    void duplicateSeqIsDropped() {
        f.birthNodeAndDevice(7);
        f.send(NDATA, message(2, byAlias(1, 2)));
        f.send(NDATA, message(2, byAlias(1, 99)));

        assertEquals(2.0, f.value(NODE_PRESSURE).number());
        assertEquals(1, f.counts().duplicates());
    }

    @Test
    void nodeDeathTurnsEveryNodeAndDeviceTagStaleAtOnceStampedWithReceiveTime() {
        f.birthNodeAndDevice(7);
        f.now = f.now.plusSeconds(1);
        f.send(NDEATH, Payloads.ndeath(7));

        for (TagPath path : List.of(NODE_PRESSURE, DEVICE_SPEED, DEVICE_STATE)) {
            assertEquals(Quality.STALE, f.value(path).quality(), path.toString());
            assertEquals(f.now, f.value(path).receiveTime(), path.toString());
        }
        assertEquals(180.0, f.value(NODE_PRESSURE).number(), "the last value stays visible");
        f.send(NDATA, message(2, byAlias(1, 5)));
        assertEquals(Quality.STALE, f.value(NODE_PRESSURE).quality(), "a dead node's data waits for a birth");
    }

    @Test
    void staleNodeDeathWithAnOlderBdSeqIsIgnored() {
        f.birthNodeAndDevice(7);
        f.send(NBIRTH, Payloads.nbirth(8, Payloads.doubleMetric("Hydraulics/pressure", 1, 181.0)));
        f.send(NDEATH, Payloads.ndeath(7)); // the Will of the session before

        assertEquals(Quality.GOOD, f.value(NODE_PRESSURE).quality());
        assertEquals(1, f.counts().ignoredDeaths());
        f.send(NDEATH, Payloads.ndeath(8));
        assertEquals(Quality.STALE, f.value(NODE_PRESSURE).quality());
    }

    @Test
    void deviceDeathTurnsOnlyThatDeviceStale() {
        f.birthNodeAndDevice(7);
        f.send(DDEATH, message(2));

        assertEquals(Quality.STALE, f.value(DEVICE_SPEED).quality());
        assertEquals(Quality.GOOD, f.value(NODE_PRESSURE).quality());
        f.send(DDATA, message(3, byAlias(2, 9)));
        assertEquals(Quality.STALE, f.value(DEVICE_SPEED).quality());
        assertEquals(List.of(NCMD), f.commands);
    }

    @Test
    void historicalMetricGoesToHistoryWithoutTouchingTheLiveValue() {
        f.birthNodeAndDevice(7);
        long earlier = Payloads.T0 - 60_000;
        f.send(DDATA, message(2, byAlias(2, 0.1).setIsHistorical(true).setTimestamp(earlier)));

        assertEquals(0.5, f.value(DEVICE_SPEED).number());
        var last = f.history.getLast();
        assertEquals(DEVICE_SPEED, last.path());
        assertEquals(0.1, last.value().number());
        assertEquals(Instant.ofEpochMilli(earlier), last.value().sourceTime());
    }

    @Test
    void nanInfinityAndWrongTypesAreBadNeverCoerced() {
        f.birthNodeAndDevice(7);
        f.send(DDATA, message(2, byAlias(2, Double.NaN)));
        assertEquals(Quality.BAD, f.value(DEVICE_SPEED).quality());
        assertNull(f.value(DEVICE_SPEED).value());
        f.send(NDATA, message(3, byAlias(1, Double.POSITIVE_INFINITY)));
        assertEquals(Quality.BAD, f.value(NODE_PRESSURE).quality());
        f.send(DDATA, message(4, Payload.Metric.newBuilder().setAlias(3).setDoubleValue(1.0))); // state is a String
        assertEquals(Quality.BAD, f.value(DEVICE_STATE).quality());
        f.send(DDATA, message(5, Payload.Metric.newBuilder().setAlias(2).setDatatype(12).setStringValue("fast")));
        assertEquals(Quality.BAD, f.value(DEVICE_SPEED).quality());

        assertEquals(4, f.counts().badValues());
        f.send(DDATA, message(6, byAlias(2, 0.9)));
        assertEquals(Quality.GOOD, f.value(DEVICE_SPEED).quality());
    }

    @Test
    void lostBrokerLinkTurnsEveryTagStaleAndTheNextDataAsksForARebirth() {
        f.birthNodeAndDevice(7);
        f.now = f.now.plusSeconds(1);
        f.engine.connectionLost(f.now);
        assertEquals(Quality.STALE, f.value(DEVICE_SPEED).quality());
        assertEquals(f.now, f.value(DEVICE_SPEED).receiveTime());
        f.send(NDATA, message(2, byAlias(1, 5)));

        assertEquals(180.0, f.value(NODE_PRESSURE).number());
        assertEquals(Quality.STALE, f.value(NODE_PRESSURE).quality());
        assertEquals(List.of(NCMD), f.commands);
        assertEquals(0, f.engine.nodeCount() - 1);
    }

    @Test
    void rebirthReplacesAliasesAndTurnsMetricsNoLongerDeclaredStale() {
        f.birthNodeAndDevice(7);
        f.send(NBIRTH, Payloads.nbirth(8, Payloads.doubleMetric("Hydraulics/pressure", 5, 170.0)));
        f.send(NDATA, message(1, byAlias(5, 171.0)));

        assertEquals(171.0, f.value(NODE_PRESSURE).number());
        assertEquals(Quality.STALE, f.value(DEVICE_SPEED).quality(), "the device must be born again too");
    }

    @Test
    void nodeCommandsAreNotTelemetryAndOtherGroupsAreUnknown() {
        f.send(NCMD, message(0, byAlias(1, 1)));
        f.send("spBv1.0/other/NBIRTH/x", Payloads.nbirth(1, Payloads.doubleMetric("a/b", 1, 1)));

        assertTrue(f.store.paths().isEmpty());
        assertEquals(1, f.counts().unknownMessages());
        assertEquals(List.of(), f.commands);
    }

    @Test
    void stateOfOtherHostsIsTracked() {
        f.send("spBv1.0/STATE/scada-1", "{\"online\":true,\"timestamp\":1}".getBytes());
        f.send("spBv1.0/STATE/scada-2", "{\"online\":\"yes\"}".getBytes());

        assertEquals(java.util.Map.of("scada-1", true), f.engine.hostStates());
        assertEquals(1, f.counts().parseErrors());
    }

    @Test
    void aStateWithARepeatedKeyIsRefusedNotResolvedByLastWins() {
        f.send("spBv1.0/STATE/scada-1", "{\"online\":false,\"online\":true,\"timestamp\":1}".getBytes());

        assertEquals(java.util.Map.of(), f.engine.hostStates());
        assertEquals(1, f.counts().parseErrors());
    }
}
