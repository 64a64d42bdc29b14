package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.commands.CommandKind;
import io.lineside.commands.WritableSignal;
import io.lineside.tags.TagPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping signal's {@code command:} block: the only way a signal becomes writable. */
class MappingsCommandsTest {

    private static final String BROKER = "broker:\n  url: tcp://10.0.0.5:1883\n";

    @TempDir
    Path dir;

    @Test
    void onlySignalsWithACommandBlockAreWritable() throws Exception {
        AppConfig config = new ConfigLoader().load(Files.writeString(dir.resolve("s.yaml"), BROKER + """
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/telemetry
                    kind: batch
                    signals:
                      - {name: temperature, path: values.temperature}
                      - {name: speed, path: values.speed, command: {kind: setpoint, min: 0, max: 40, step: 0.5}}
                      - name: run
                        path: values.run
                        command: {kind: action, values: [start, stop], critical: true}
                  - topic: factory/+/press/{line}/{station}/{signal}
                    site: plant2
                    area: press
                    signals:
                      - {name: mode, command: {kind: mode, values: [auto, manual], topic: "cmd/{station}/mode"}}
                """));
        List<WritableSignal> all = config.commands().all();
        assertEquals(List.of("speed", "run", "mode"), all.stream().map(WritableSignal::name).toList());
        TagPath speed = TagPath.parse("s/a/l/st/speed");
        assertEquals(CommandKind.SETPOINT, config.commands().find(speed).orElseThrow().spec().kind());
        assertEquals("plant/s/a/l/st/telemetry/speed/set", config.commands().find(speed).orElseThrow().commandTopic(speed));
        assertTrue(config.commands().find(TagPath.parse("s/a/l/st/temperature")).isEmpty(), "no command block");
        assertTrue(config.commands().find(TagPath.parse("other/press/l/st/mode")).isEmpty(), "outside its rule's scope");
        assertEquals("cmd/st/mode", config.commands().find(TagPath.parse("plant2/press/l/st/mode")).orElseThrow()
                .commandTopic(TagPath.parse("plant2/press/l/st/mode")));
    }

    @Test
    void withoutCommandBlocksNothingIsWritable() throws Exception {
        AppConfig config = new ConfigLoader().load(Files.writeString(dir.resolve("s.yaml"), BROKER));
        assertEquals(List.of(), config.commands().all());
    }

    @Test
    void aWrongBlockNamesTheFileAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), BROKER + """
                mappings:
                  - topic: factory/+/press/{line}/{station}/{signal}
                    signals:
                      - {name: mode, command: {kind: mode, values: [auto]}}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().startsWith("config " + file), e.getMessage());
        assertTrue(e.getMessage().contains("key 'mappings[0].signals[0].command.topic': expected a command topic"),
                e.getMessage());
    }

    @Test
    void theCommandsListDeclaresSparkplugMetricsWritable() throws Exception {
        AppConfig config = new ConfigLoader().load(Files.writeString(dir.resolve("s.yaml"), BROKER + """
                commands:
                  - tag: plant1/press-cell/*/Ram/speed
                    command: {kind: setpoint, min: 0, max: 5}
                """));
        WritableSignal speed = config.commands().find(TagPath.parse("plant1/press-cell/press1/Ram/speed")).orElseThrow();
        assertEquals(io.lineside.commands.CommandTarget.SPARKPLUG, speed.target());
        assertTrue(config.commands().find(TagPath.parse("plant2/press-cell/press1/Ram/speed")).isEmpty());
    }

    @Test
    void aCommandsEntryWithoutItsSignalIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("s.yaml"), BROKER + """
                commands:
                  - {tag: "plant1/*/*/*/*", command: {kind: action}}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("key 'commands[0].tag': expected site/area/line/station/signal"),
                e.getMessage());
    }
}
