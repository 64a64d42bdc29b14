package io.lineside.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigSource;
import io.lineside.config.ConfigTree;
import io.lineside.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandSpecParserTest {

    private static final ConfigSource STATION = new ConfigSource("config", "station.yaml", null);

    private CommandSpec parse(String yaml) throws Exception {
        ConfigNode node = ConfigTree.parse(STATION, "mappings[0].signals[1].command", yaml);
        return CommandSpecParser.parse(node, true);
    }

    @Test
    void setpointWithEveryKey() throws Exception {
        CommandSpec s = parse("{kind: setpoint, min: 0, max: 40, step: 0.5, role: supervisor, critical: true, "
                + "confirmTimeout: 2.5, minInterval: 0, topic: 'cmd/{station}/{signal}'}");
        assertEquals(CommandKind.SETPOINT, s.kind());
        assertEquals(0, s.min());
        assertEquals(40, s.max());
        assertEquals(0.5, s.step());
        assertEquals(Role.SUPERVISOR, s.role());
        assertTrue(s.critical());
        assertEquals(Duration.ofMillis(2500), s.confirmTimeout());
        assertEquals(Duration.ZERO, s.minInterval());
        assertEquals("cmd/{station}/{signal}", s.topic());
    }

    @Test
    void defaultsAreOperatorNotCriticalFiveSecondsOneWritePerSecond() throws Exception {
        CommandSpec s = parse("{kind: mode, values: [auto, manual]}");
        assertEquals(List.of("auto", "manual"), s.allowed());
        assertEquals(Role.OPERATOR, s.role());
        assertEquals(false, s.critical());
        assertEquals(Duration.ofSeconds(5), s.confirmTimeout());
        assertEquals(Duration.ofSeconds(1), s.minInterval());
    }

    @Test
    void actionDefaultsToStartStopResetAndTakesItsConfirmingValues() throws Exception {
        CommandSpec s = parse("{kind: action, confirmSignal: state, expect: {start: RUNNING, stop: IDLE}}");
        assertEquals(CommandSpec.ACTIONS, s.allowed());
        assertEquals("state", s.confirmSignal());
        assertEquals(Map.of("start", "RUNNING", "stop", "IDLE"), s.expect());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{kind: valve}                                   | key 'mappings[0].signals[1].command.kind': expected setpoint, mode or action, found \"valve\"",
        "{min: 0}                                        | command.kind': expected setpoint, mode or action, found nothing",
        "{kind: setpoint, max: 4}                        | command.min': expected a number, found nothing",
        "{kind: setpoint, min: 5, max: 4}                | command.max': expected a number >= min (5), found 4",
        "{kind: setpoint, min: 0, max: 4, step: 0}       | command.step': expected a number > 0, found 0",
        "{kind: setpoint, min: 0, max: 4, values: [a]}   | command.values': expected no values for a setpoint",
        "{kind: mode}                                    | command.values': expected a list of the mode's values",
        "{kind: mode, values: [a, a]}                    | command.values[1]': expected a word of 1 to 32 characters, each once",
        "{kind: mode, values: [a], min: 1}               | command.min': expected no min for a mode",
        "{kind: action, values: [start, jump]}           | command.values[1]': expected start, stop or reset (each once)",
        "{kind: action, expect: {jump: X}}               | command.expect.jump': expected one of the actions start, stop, reset",
        "{kind: mode, values: [a], expect: {a: b}}       | command.expect': expected no expect for a mode",
        "{kind: mode, values: [a], role: viewer}         | command.role': expected operator, supervisor, engineer or admin, found \"viewer\"",
        "{kind: mode, values: [a], critical: yes please} | command.critical': expected true or false",
        "{kind: mode, values: [a], confirmTimeout: 0}    | command.confirmTimeout': expected seconds from 0.1 to 600, found 0",
        "{kind: mode, values: [a], topic: 'cmd/+/x'}     | command.topic': expected a topic without wildcards",
        "{kind: mode, values: [a], colour: red}          | unknown key 'mappings[0].signals[1].command.colour'; expected one of confirmSignal, confirmTimeout, critical, expect, kind, max, min, minInterval, role, step, topic, values",
    })
    void mistakesNameTheFileAndTheKey(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertTrue(e.getMessage().startsWith("config station.yaml:1: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aWildcardTelemetryTopicNeedsItsOwnCommandTopic() throws Exception {
        ConfigNode node = ConfigTree.parse(STATION, "k.command", "{kind: mode, values: [a]}");
        ConfigException e = assertThrows(ConfigException.class, () -> CommandSpecParser.parse(node, false));
        assertTrue(e.getMessage().contains("key 'k.command.topic': expected a command topic"), e.getMessage());
    }

    @Test
    void valuesAreCheckedAgainstRangeStepAndWords() throws Exception {
        CommandSpec sp = parse("{kind: setpoint, min: 10, max: 20, step: 0.5}");
        assertEquals(12.5, sp.accept(" 12.5 "));
        assertEquals("25 is outside 10 to 20", assertThrows(IllegalArgumentException.class,
                () -> sp.accept("25")).getMessage());
        assertEquals("12.3 is not on the step 0.5 from 10", assertThrows(IllegalArgumentException.class,
                () -> sp.accept("12.3")).getMessage());
        assertEquals("\"abc\" is not a number", assertThrows(IllegalArgumentException.class,
                () -> sp.accept("abc")).getMessage());
        assertEquals("\"NaN\" is not a number", assertThrows(IllegalArgumentException.class,
                () -> sp.accept("NaN")).getMessage());
        CommandSpec mode = parse("{kind: mode, values: [auto, manual]}");
        assertEquals("manual", mode.accept("manual"));
        assertEquals("\"Manual\" is not one of auto, manual", assertThrows(IllegalArgumentException.class,
                () -> mode.accept("Manual")).getMessage());
    }

    @Test
    void defaultCommandTopicIsTheTelemetryTopicWithSet() throws Exception {
        var path = io.lineside.tags.TagPath.parse("s1/a1/l1/st1/speed");
        CommandSpec spec = parse("{kind: setpoint, min: 0, max: 1}");
        assertEquals("lineside/s1/a1/l1/st1/speed/set", WritableSignal.mqtt(Map.of(), "speed", spec,
                "lineside/{site}/{area}/{line}/{station}/{signal}").commandTopic(path));
        assertEquals("plant/st1/telemetry/speed/set", WritableSignal.mqtt(Map.of(), "speed", spec,
                "plant/{station}/telemetry").commandTopic(path));
        CommandSpec own = parse("{kind: setpoint, min: 0, max: 1, topic: 'cmd/{line}/{station}/{signal}'}");
        assertEquals("cmd/l1/st1/speed", WritableSignal.mqtt(Map.of(), "speed", own, "x/{signal}").commandTopic(path));
    }
}
