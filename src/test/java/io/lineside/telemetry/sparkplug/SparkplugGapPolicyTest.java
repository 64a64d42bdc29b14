package io.lineside.telemetry.sparkplug;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.api.Test;

/**
 * Decision 0021 at engine level: the reorder window never drops (overflow gives the gap up early, in order), a gap
 * across the seq wrap is a gap, deaths and births apply what waits first, and what the host cannot store is counted
 * and becomes gap rows; rebirth requests are rate-limited per node and overall.
 */
class SparkplugGapPolicyTest {

    private static final Set<TagPath> ALL = Set.of(NODE_PRESSURE, DEVICE_SPEED, DEVICE_STATE);
    private final EngineFixture f = new EngineFixture();

    /** A message sent at the fixture's current time (so seq jumps can be told from duplicates by time). */
    private byte[] now(long seq, Metric.Builder... metrics) {
        Payload.Builder p = Payload.newBuilder().setTimestamp(f.now.toEpochMilli()).setSeq(seq);
        for (Metric.Builder m : metrics) {
            p.addMetrics(m);
        }
        return p.build().toByteArray();
    }

    private void birthNow(long bdSeq) {
        f.send(NBIRTH, now(0, Payloads.bdSeq(bdSeq), Payloads.doubleMetric("Hydraulics/pressure", 1, 180.0)));
        f.send(EngineFixture.DBIRTH, now(1, Payloads.doubleMetric("Ram/speed", 2, 0.5),
                Payloads.stringMetric("state", 3, "running")));
    }

    private List<Double> stored(TagPath path) {
        return f.history.stream().filter(u -> u.path().equals(path)).map(u -> u.value().number()).toList();
    }

    private List<TagGap> gapsOf(TagPath path) {
        return f.gaps.stream().filter(g -> path.equals(g.path())).toList();
    }

    @Test
    void gapHeldPastAFullWindowAt333PerSecondKeepsEveryValueInOrderAndRecordsTheGapAcrossTheWrap() {
        birthNow(7);
        List<Double> expected = new ArrayList<>(List.of(180.0));
        int skipped = 255 + 256; // the second lap's 255: the window's overflow spans the wrap to 0
        for (int i = 2; i < 1_002; i++) {
            f.advance(Duration.ofMillis(3)); // 333 messages/s: 127 wait 381 ms, well inside the 2 s timeout
            if (i == skipped) {
                continue;
            }
            f.send(NDATA, now(i & 0xFF, byAlias(1, i)));
            expected.add((double) i);
        }
        f.advance(Duration.ofSeconds(3));

        assertEquals(expected, stored(NODE_PRESSURE), "every value, in seq order, none dropped");
        assertEquals(1, f.counts().seqGaps());
        assertEquals(1, f.diagnostics.windowOverflows(), "given up when the window was full, not after 2 s");
        assertEquals(0, f.counts().duplicates());
        for (TagPath path : ALL) {
            List<TagGap> gaps = gapsOf(path);
            assertEquals(1, gaps.size(), path.toString());
            assertEquals(1, gaps.getFirst().missing());
        }
        TagGap gap = gapsOf(NODE_PRESSURE).getFirst();
        assertEquals(Duration.ofMillis(6), Duration.between(gap.from(), gap.to()), "from seq 254's send to 0's");
        assertEquals(List.of(NCMD), f.commands);
    }

    @Test
    void gapAcrossTheWrapIsCountedWithItsSizeAfterTheTimeout() {
        birthNow(7);
        for (int i = 2; i <= 253; i++) {
            f.send(NDATA, now(i, byAlias(1, i)));
        }
        for (int seq = 1; seq <= 20; seq++) { // 254, 255 and 0 never come
            f.send(NDATA, now(seq, byAlias(1, 300 + seq)));
        }
        assertEquals(253.0, f.value(NODE_PRESSURE).number(), "1..20 wait for 254");
        f.advance(Duration.ofMillis(2_100));

        assertEquals(320.0, f.value(NODE_PRESSURE).number());
        assertEquals(1, f.counts().seqGaps());
        assertEquals(3, gapsOf(NODE_PRESSURE).getFirst().missing());
        assertEquals(252 + 20 + 1, stored(NODE_PRESSURE).size());
        assertEquals(0, f.diagnostics.windowOverflows());
    }

    @Test
    void messageArrivingAfterItsGapWasGivenUpIsStoredLateNotDroppedAsADuplicate() {
        birthNow(7);
        f.send(NDATA, now(3, byAlias(1, 3)));
        f.advance(Duration.ofMillis(2_100)); // 2 given up
        f.send(NDATA, now(2, byAlias(1, 2)));
        assertEquals(3.0, f.value(NODE_PRESSURE).number(), "the late 2 goes to history, the live value stays 3");
        f.send(NDATA, now(4, byAlias(1, 4)));
        f.send(NDATA, now(4, byAlias(1, 4))); // a real duplicate

        assertEquals(List.of(180.0, 3.0, 2.0, 4.0), stored(NODE_PRESSURE));
        assertEquals(1, f.diagnostics.lateMessages());
        assertEquals(1, f.counts().duplicates());
        assertEquals(4.0, f.value(NODE_PRESSURE).number());
    }

    @Test
    void streamThatJumps200SeqsAheadIsAppliedWithAGapOfUnknownSizeNotDroppedAsDuplicates() {
        birthNow(7);
        for (int i = 2; i <= 10; i++) {
            f.advance(Duration.ofMillis(10));
            f.send(NDATA, now(i, byAlias(1, i)));
        }
        for (int i = 210; i <= 220; i++) { // 200 lost upstream: seq 210 looks "behind" 10 in a 256 space
            f.advance(Duration.ofMillis(10));
            f.send(NDATA, now(i, byAlias(1, i)));
        }

        assertEquals(220.0, f.value(NODE_PRESSURE).number());
        assertEquals(10 + 11, stored(NODE_PRESSURE).size());
        assertEquals(0, f.counts().duplicates());
        assertEquals(1, f.counts().seqGaps());
        assertEquals(-1, gapsOf(NODE_PRESSURE).getFirst().missing());
    }

    @Test
    void nodeDeathStoresWhatWaitsInTheWindowThenTurnsStale() {
        birthNow(7);
        for (int seq = 3; seq <= 30; seq++) { // 2 is lost; 3..30 wait for it
            f.send(NDATA, now(seq, byAlias(1, seq)));
        }
        f.advance(Duration.ofMillis(500));
        f.send(NDEATH, Payloads.ndeath(7));

        List<Double> values = stored(NODE_PRESSURE);
        assertEquals(29, values.size(), "the birth's and 3..30");
        assertEquals(30.0, values.getLast());
        assertEquals(Quality.STALE, f.value(NODE_PRESSURE).quality());
        assertEquals(30.0, f.value(NODE_PRESSURE).number());
        assertEquals(1, gapsOf(NODE_PRESSURE).size());
        assertEquals(List.of(), f.commands, "a dead node is not asked to rebirth");
        f.advance(Duration.ofSeconds(3));
        assertEquals(1, f.counts().seqGaps(), "the window was emptied, nothing expires later");
    }

    @Test
    void deviceDeathStoresWhatWaitsInTheWindowThenTurnsTheDeviceStale() {
        birthNow(7);
        for (int seq = 3; seq <= 10; seq++) { // 2 is lost
            f.send(DDATA, now(seq, byAlias(2, seq)));
        }
        f.send(DDEATH, now(11));

        assertEquals(List.of(0.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), stored(DEVICE_SPEED));
        assertEquals(Quality.STALE, f.value(DEVICE_SPEED).quality());
        assertEquals(10.0, f.value(DEVICE_SPEED).number());
        assertEquals(Quality.GOOD, f.value(NODE_PRESSURE).quality());
        assertEquals(1, f.counts().seqGaps());
        assertEquals(List.of(NCMD), f.commands, "the node lives on: it is asked to rebirth");
    }

    @Test
    void rebirthStoresWhatWaitedUnderTheOldAliasesBeforeTheNewBirth() {
        birthNow(7);
        for (int seq = 3; seq <= 20; seq++) {
            f.send(NDATA, now(seq, byAlias(1, seq)));
        }
        f.send(NBIRTH, now(0, Payloads.bdSeq(8), Payloads.doubleMetric("Hydraulics/pressure", 9, 200.0)));

        assertEquals(1 + 18 + 1, stored(NODE_PRESSURE).size());
        assertEquals(200.0, f.value(NODE_PRESSURE).number());
        assertEquals(1, gapsOf(NODE_PRESSURE).size());
    }

    @Test
    void dataBeforeAnyBirthIsCountedAndBecomesAGapOfTheMetricsTheBirthDeclaresForThoseAliases() {
        for (int seq = 5; seq < 10; seq++) {
            f.advance(Duration.ofMillis(100));
            f.send(NDATA, now(seq, byAlias(1, seq)));
            f.send(DDATA, now(seq + 10, byAlias(2, seq)));
        }
        Instant firstSent = f.now.minusMillis(400);
        assertEquals(10, f.diagnostics.discardedValues());
        assertTrue(f.gaps.isEmpty(), "no tag is known yet");

        f.advance(Duration.ofMillis(100));
        birthNow(1);

        for (TagPath path : List.of(NODE_PRESSURE, DEVICE_SPEED)) {
            List<TagGap> gaps = gapsOf(path);
            assertEquals(1, gaps.size(), path.toString());
            assertEquals(firstSent, gaps.getFirst().from());
            assertEquals(f.now, gaps.getFirst().to(), "until the birth");
            assertEquals(10, gaps.getFirst().missing(), "messages not stored");
        }
        assertEquals(List.of(), gapsOf(DEVICE_STATE), "alias 3 sent nothing before its birth");
        assertEquals(List.of(NCMD), f.commands);
    }

    @Test
    void dataOfADeadNodeThatNeverRebirthsIsWrittenAsGapsOfItsKnownTagsWhileItLasts() {
        birthNow(7);
        f.send(NDEATH, Payloads.ndeath(7));
        for (int seq = 2; seq < 80; seq++) { // 7.8 s of data, never a birth
            f.advance(Duration.ofMillis(100));
            f.send(NDATA, now(seq, byAlias(1, seq)));
        }

        assertEquals(78, f.diagnostics.discardedValues());
        List<TagGap> gaps = gapsOf(NODE_PRESSURE);
        assertEquals(1, gaps.size(), "written after the debounce (5 s), without waiting for a birth");
        assertEquals(Duration.ofSeconds(5), Duration.between(gaps.getFirst().from(), gaps.getFirst().to()));
        assertEquals(List.of(), gapsOf(DEVICE_SPEED), "the device sent nothing");
        assertEquals(Quality.STALE, f.value(NODE_PRESSURE).quality());
    }

    @Test
    void unknownAliasOfABornNodeIsCountedAndBecomesAGapOfTheMetricItsRebirthDeclares() {
        birthNow(7);
        f.send(NDATA, now(2, byAlias(1, 2), byAlias(7, 99)));
        assertEquals(2.0, f.value(NODE_PRESSURE).number(), "the known alias is stored");
        assertEquals(1, f.diagnostics.discardedValues());

        f.send(NBIRTH, now(0, Payloads.bdSeq(8), Payloads.doubleMetric("Hydraulics/pressure", 1, 181.0),
                Payloads.doubleMetric("Hydraulics/temperature", 7, 40.0)));

        TagPath temperature = TagPath.parse("plant1/press-cell/node/Hydraulics/temperature");
        assertEquals(1, gapsOf(temperature).size());
        assertEquals(List.of(), gapsOf(NODE_PRESSURE), "its values were all stored");
    }

    @Test
    void lostLinkIsAGapOfEveryTagOfTheNodeUntilItsNextBirth() {
        birthNow(7);
        f.now = f.now.plusSeconds(1);
        Instant lost = f.now;
        f.engine.connectionLost(lost);
        f.now = f.now.plusSeconds(20);
        f.send(NDATA, now(2, byAlias(1, 2))); // asks for a rebirth
        f.now = f.now.plusMillis(50);
        birthNow(7);

        for (TagPath path : ALL) {
            List<TagGap> gaps = gapsOf(path);
            assertEquals(1, gaps.size(), path.toString());
            assertEquals(lost, gaps.getFirst().from());
            assertEquals(f.now, gaps.getFirst().to());
            assertEquals(-1, gaps.getFirst().missing(), "what the broker did not deliver is not counted");
        }
        assertEquals(List.of(NCMD), f.commands);
    }

    @Test
    void thousandMessagesOfAnUnknownNodeAskForOneRebirthAndCountTheRest() {
        for (int seq = 0; seq < 1_000; seq++) {
            f.advance(Duration.ofMillis(2));
            f.send(DDATA, now(seq & 0xFF, byAlias(2, seq), byAlias(3, seq)));
        }

        assertEquals(List.of(NCMD), f.commands, "2 s of data: one request per 5 s");
        assertEquals(999, f.diagnostics.rebirthsSuppressed());
        assertEquals(2_000, f.diagnostics.discardedValues());
    }

    @Test
    void rebirthRequestsToManyUnknownNodesAreCappedOverall() {
        for (int i = 0; i < 1_000; i++) {
            f.send("spBv1.0/plant1/NDATA/fuzz-" + i, now(1, byAlias(1, i)));
        }
        assertEquals(SparkplugEngine.REBIRTH_BURST, f.commands.size());
        assertEquals(1_000 - SparkplugEngine.REBIRTH_BURST, f.diagnostics.rebirthsSuppressed());

        f.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 1_000; i++) {
            f.send("spBv1.0/plant1/NDATA/other-" + i, now(1, byAlias(1, i)));
        }
        assertEquals(SparkplugEngine.REBIRTH_BURST + SparkplugEngine.REBIRTHS_PER_SECOND, f.commands.size());
    }
}
