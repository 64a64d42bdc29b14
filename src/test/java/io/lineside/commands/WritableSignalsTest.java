package io.lineside.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritableSignalsTest {

    private static final CommandSpec SETPOINT = new CommandSpec(CommandKind.SETPOINT, 0, 100, 1, List.of(), null,
            false, java.time.Duration.ofSeconds(2), java.time.Duration.ZERO, null, null, Map.of());

    @Test
    void commandTopicsAreRecognisedForEveryStationOfTheScopeAndNoOther() {
        WritableSignals w = new WritableSignals(List.of(
                WritableSignal.mqtt(Map.of("area", "press"), "speed", SETPOINT, "lineside/{site}/{area}/{line}/{station}/{signal}"),
                WritableSignal.mqtt(Map.of(), "mode", SETPOINT, "plant/{line}/{station}/state")));
        TagPath speed = new TagPath("plant", "press", "line1", "p1", "speed");
        assertEquals("lineside/plant/press/line1/p1/speed/set", w.find(speed).orElseThrow().commandTopic(speed));
        assertTrue(w.isCommandTopic("lineside/plant/press/line1/p1/speed/set"));
        assertTrue(w.isCommandTopic("lineside/other-site/press/line9/p7/speed/set"));
        assertFalse(w.isCommandTopic("lineside/plant/paint/line1/p1/speed/set"), "the scope fixes the area");
        assertFalse(w.isCommandTopic("lineside/plant/press/line1/p1/speed"), "telemetry is not a command");
        assertFalse(w.isCommandTopic("lineside/plant/press/line1/p1/temperature/set"), "not a writable signal");
        assertFalse(w.isCommandTopic("lineside/plant/press/line1/a/b/speed/set"), "one topic level per part");
        assertTrue(w.isCommandTopic("plant/line1/p1/state/mode/set"), "several signals on one topic: name before /set");
        assertFalse(w.isCommandTopic("plant/line1/p1/state/set"));
        assertFalse(WritableSignals.NONE.isCommandTopic("lineside/plant/press/line1/p1/speed/set"));
    }

    @Test
    void aConfiguredTopicTemplateIsMatchedLiterallyAroundItsPlaceholders() {
        CommandSpec own = new CommandSpec(CommandKind.SETPOINT, 0, 100, 1, List.of(), null, false,
                java.time.Duration.ofSeconds(2), java.time.Duration.ZERO, "cmd/{line}.{station}/{signal}+w", null, Map.of());
        WritableSignals w = new WritableSignals(List.of(WritableSignal.mqtt(Map.of(), "rate", own, null)));
        assertTrue(w.isCommandTopic("cmd/line1.p1/rate+w"));
        assertFalse(w.isCommandTopic("cmd/line1Xp1/rate+w"), "the dot is a literal, not a regex wildcard");
    }
}
