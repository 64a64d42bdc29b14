package io.lineside.alarms;

import static io.lineside.alarms.AlarmState.NORMAL;
import static io.lineside.alarms.AlarmState.RTN_UNACK;
import static io.lineside.alarms.AlarmState.UNACK;
import static io.lineside.alarms.EngineFixture.SETPOINT;
import static io.lineside.alarms.EngineFixture.STATE;
import static io.lineside.alarms.EngineFixture.TEMP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.tags.Quality;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each condition kind through the engine, with deadbands and delays on a hand-moved clock. */
class AlarmConditionTest {

    @Test
    void highLimitRaisesAtTheLimitAndClearsOnlyBelowLimitMinusDeadband() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 2));
        f.set(TEMP, 199.9);
        assertEquals(NORMAL, f.state("H"));
        f.set(TEMP, 200.0);
        assertEquals(UNACK, f.state("H"));
        f.set(TEMP, 198.5); // below the limit but inside the 2-degree deadband: still active
        assertEquals(UNACK, f.state("H"));
        f.set(TEMP, 198.0); // exactly limit - deadband: cleared
        assertEquals(RTN_UNACK, f.state("H"));
    }

    @Test
    void lowLowLimitMirrorsTheHighOne() {
        EngineFixture f = new EngineFixture(AlarmDefinition.simple("LL", TEMP, Priority.HIGH,
                new LimitCondition(LimitCondition.Level.LL, 10, 1)));
        f.set(TEMP, 10.1);
        assertEquals(NORMAL, f.state("LL"));
        f.set(TEMP, 10);
        assertEquals(UNACK, f.state("LL"));
        f.set(TEMP, 10.9);
        assertEquals(UNACK, f.state("LL"));
        f.set(TEMP, 11);
        assertEquals(RTN_UNACK, f.state("LL"));
    }

    @Test
    void discreteEqualsMatchesTrimmedTextIgnoringCaseAndBitTestsTheWholeNumber() {
        EngineFixture f = new EngineFixture(
                AlarmDefinition.simple("F", STATE, Priority.HIGH, new DiscreteCondition("fault", null)),
                AlarmDefinition.simple("B", TEMP, Priority.LOW, new DiscreteCondition(null, 3)));
        f.set(STATE, "running");
        assertEquals(NORMAL, f.state("F"));
        f.set(STATE, " FAULT ");
        assertEquals(UNACK, f.state("F"));
        f.set(TEMP, 7); // 0b0111: bit 3 clear
        assertEquals(NORMAL, f.state("B"));
        f.set(TEMP, 8); // 0b1000
        assertEquals(UNACK, f.state("B"));
        f.set(TEMP, 8.5); // not a whole number: cannot be read as bits, the alarm holds
        assertEquals(UNACK, f.state("B"));
        assertEquals(true, f.engine.snapshot().alarms().stream().filter(a -> a.id().equals("B")).findFirst()
                .orElseThrow().uncertain());
    }

    @Test
    void deviationAlarmsBothWaysAndASetpointChangeAloneReevaluates() {
        EngineFixture f = new EngineFixture(AlarmDefinition.simple("DEV", TEMP, Priority.MEDIUM,
                new DeviationCondition(SETPOINT, 5, 1)));
        f.set(SETPOINT, 180);
        f.set(TEMP, 184.9);
        assertEquals(NORMAL, f.state("DEV"));
        f.set(TEMP, 175); // 5 below
        assertEquals(UNACK, f.state("DEV"));
        f.set(TEMP, 175.5); // 4.5 away: still active, it clears only at 5 - 1 = 4 or closer
        assertEquals(UNACK, f.state("DEV"));
        f.set(SETPOINT, 179); // now 3.5 away: cleared by the setpoint update alone
        assertEquals(RTN_UNACK, f.state("DEV"));
        f.set(SETPOINT, 170.5); // 5 away the other way
        assertEquals(UNACK, f.state("DEV"));
    }

    @Test
    void rateOfChangeIsMeasuredBetweenSourceTimesOfGoodSamples() {
        EngineFixture f = new EngineFixture(AlarmDefinition.simple("ROC", TEMP, Priority.LOW,
                new RateOfChangeCondition(2, 0.5)));
        Instant t = EngineFixture.T0;
        f.engine.onUpdate(new TagUpdate(TEMP, TagValue.good(100, t, t, 1)));
        f.engine.onUpdate(new TagUpdate(TEMP, TagValue.good(103, t.plusSeconds(2), t.plusSeconds(2), 2))); // 1.5/s
        assertEquals(NORMAL, f.state("ROC"));
        f.engine.onUpdate(new TagUpdate(TEMP, TagValue.good(99, t.plusSeconds(4), t.plusSeconds(4), 3))); // -2/s
        assertEquals(UNACK, f.state("ROC"));
        f.engine.onUpdate(new TagUpdate(TEMP, TagValue.good(95.8, t.plusSeconds(6), t.plusSeconds(6), 4))); // -1.6/s > 1.5
        assertEquals(UNACK, f.state("ROC"));
        f.engine.onUpdate(new TagUpdate(TEMP, TagValue.good(94.8, t.plusSeconds(8), t.plusSeconds(8), 5))); // -0.5/s
        assertEquals(RTN_UNACK, f.state("ROC"));
        // A BAD sample in between: no rate is invented across the gap
        f.engine.onUpdate(new TagUpdate(TEMP, new TagValue(null, t.plusSeconds(9), t.plusSeconds(9), Quality.BAD, 6)));
        f.engine.onUpdate(new TagUpdate(TEMP, TagValue.good(150, t.plusSeconds(10), t.plusSeconds(10), 7)));
        assertEquals(RTN_UNACK, f.state("ROC"));
    }

    @Test
    void noDataRaisesAfterTheSilenceAndClearsOnTheNextGoodValueButNotOnBadOnes() {
        EngineFixture f = new EngineFixture(AlarmDefinition.simple("ND", TEMP, Priority.MEDIUM,
                new NoDataCondition(Duration.ofSeconds(10))));
        f.set(TEMP, 20);
        f.advance(10);
        assertEquals(NORMAL, f.state("ND"), "exactly 10 s of silence is still within the limit");
        f.advance(0.5);
        assertEquals(UNACK, f.state("ND"));
        f.quality(TEMP, Quality.BAD);
        f.quality(TEMP, Quality.STALE);
        f.advance(1);
        assertEquals(UNACK, f.state("ND"), "BAD and STALE updates are not data");
        f.set(TEMP, 21);
        assertEquals(RTN_UNACK, f.state("ND"));
    }

    @Test
    void aTagNeverHeardOfCountsAsSilentSinceTheEngineStarted() {
        EngineFixture f = new EngineFixture(AlarmDefinition.simple("ND", TEMP, Priority.MEDIUM,
                new NoDataCondition(Duration.ofSeconds(10))));
        f.advance(11);
        assertEquals(UNACK, f.state("ND"));
    }

    @Test
    void onDelayIgnoresShortExcursionsAndRaisesWhenTheConditionHoldsLongEnough() {
        EngineFixture f = new EngineFixture(EngineFixture.withDelays(EngineFixture.high("H", 200, 0), 5, 0));
        f.set(TEMP, 210);
        f.advance(4);
        f.set(TEMP, 190); // back before the 5 s on-delay ran out
        f.advance(10);
        assertEquals(NORMAL, f.state("H"));
        assertEquals(0, f.journal.events.size());
        f.set(TEMP, 210);
        f.advance(4.9);
        assertEquals(NORMAL, f.state("H"));
        f.advance(0.1);
        assertEquals(UNACK, f.state("H"));
        assertEquals(EngineFixture.T0.plusSeconds(4 + 10 + 5), f.journal.events.getFirst().time());
    }

    @Test
    void offDelayKeepsTheAlarmThroughShortReturnsToNormal() {
        EngineFixture f = new EngineFixture(EngineFixture.withDelays(EngineFixture.high("H", 200, 0), 0, 3));
        f.set(TEMP, 210);
        assertEquals(UNACK, f.state("H"));
        f.set(TEMP, 190);
        f.advance(2);
        f.set(TEMP, 205); // back before the off-delay ran out: never cleared
        f.advance(5);
        assertEquals(UNACK, f.state("H"));
        f.set(TEMP, 190);
        f.advance(3);
        assertEquals(RTN_UNACK, f.state("H"));
        assertEquals(2, f.journal.events.size(), "one activation and one clear");
    }
}
