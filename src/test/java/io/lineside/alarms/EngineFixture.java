package io.lineside.alarms;

import io.lineside.testsupport.MutableClock;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An engine on a hand-moved clock with an in-memory journal, and helpers to feed it values. */
final class EngineFixture {

    static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    static final TagPath TEMP = TagPath.parse("demo/assembly/line-1/weld/temperature");
    static final TagPath STATE = TagPath.parse("demo/assembly/line-1/weld/state");
    static final TagPath SETPOINT = TagPath.parse("demo/assembly/line-1/weld/setpoint");

    final MutableClock clock = new MutableClock(T0);
    final MemoryJournal journal = new MemoryJournal();
    final AlarmEngine engine;
    private long seq;

    EngineFixture(AlarmDefinition... definitions) {
        this(List.of(definitions));
    }

    EngineFixture(List<AlarmDefinition> definitions) {
        engine = new AlarmEngine(definitions, journal, clock);
    }

    void set(TagPath path, double value) {
        Instant now = clock.instant();
        engine.onUpdate(new TagUpdate(path, TagValue.good(value, now, now, ++seq)));
    }

    void set(TagPath path, String value) {
        Instant now = clock.instant();
        engine.onUpdate(new TagUpdate(path, new TagValue(value, now, now, Quality.GOOD, ++seq)));
    }

    void quality(TagPath path, Quality quality) {
        Instant now = clock.instant();
        Object value = quality == Quality.UNCERTAIN ? (Object) 0.0 : null;
        engine.onUpdate(new TagUpdate(path, new TagValue(value, now, now, quality, ++seq)));
    }

    /** Moves the clock and ticks the engine once. */
    void advance(double seconds) {
        clock.advance(Duration.ofMillis(Math.round(seconds * 1000)));
        engine.tick(clock.instant());
    }

    AlarmState state(String id) {
        return engine.state(id);
    }

    static AlarmDefinition high(String id, double limit, double deadband) {
        return AlarmDefinition.simple(id, TEMP, Priority.HIGH, new LimitCondition(LimitCondition.Level.H, limit, deadband));
    }

    static AlarmDefinition withDelays(AlarmDefinition d, int onSeconds, int offSeconds) {
        return new AlarmDefinition(d.id(), d.tag(), d.station(), d.priority(), d.condition(), Duration.ofSeconds(onSeconds),
                Duration.ofSeconds(offSeconds), d.latching(), d.realarmAfter(), d.maxShelve(), d.messages(), d.guidance(),
                d.suppressWhen());
    }

    static AlarmDefinition latching(AlarmDefinition d) {
        return new AlarmDefinition(d.id(), d.tag(), d.station(), d.priority(), d.condition(), d.onDelay(), d.offDelay(),
                true, d.realarmAfter(), d.maxShelve(), d.messages(), d.guidance(), d.suppressWhen());
    }

    static AlarmDefinition realarm(AlarmDefinition d, Duration after) {
        return new AlarmDefinition(d.id(), d.tag(), d.station(), d.priority(), d.condition(), d.onDelay(), d.offDelay(),
                d.latching(), after, d.maxShelve(), d.messages(), d.guidance(), d.suppressWhen());
    }

    static AlarmDefinition suppressedWhen(AlarmDefinition d, SuppressionRule rule) {
        return new AlarmDefinition(d.id(), d.tag(), d.station(), d.priority(), d.condition(), d.onDelay(), d.offDelay(),
                d.latching(), d.realarmAfter(), d.maxShelve(), d.messages(), d.guidance(), java.util.Optional.of(rule));
    }
}
