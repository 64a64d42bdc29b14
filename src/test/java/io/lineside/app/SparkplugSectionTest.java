package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.telemetry.sparkplug.TagMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkplugSectionTest {

    @TempDir
    Path dir;

    private AppConfig load(String sparkplugYaml) throws Exception {
        Path file = Files.writeString(dir.resolve("station.yaml"), "broker:\n  url: tcp://10.0.0.5:1883\n" + sparkplugYaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void withoutTheSectionThereIsNoSparkplugHost() throws Exception {
        assertEquals(Optional.empty(), load("").sparkplug());
    }

    @Test
    void sectionWithOnlyGroupsTakesTheDefaults() throws Exception {
        SparkplugSettings s = load("sparkplug:\n  groups: [plant1, plant.2]\n").sparkplug().orElseThrow();

        assertEquals(List.of("plant1", "plant.2"), s.groups());
        assertEquals(List.of("spBv1.0/plant1/#", "spBv1.0/plant.2/#", "spBv1.0/STATE/#"), s.subscriptions());
        assertEquals(false, s.primaryHost());
        assertEquals(Duration.ofSeconds(2), s.reorderTimeout());
        assertEquals(Duration.ofSeconds(5), s.rebirthDebounce());
        assertEquals(256 * 1024, s.limits().maxPayloadBytes());
        assertEquals(TagMapping.DEFAULT, s.mapping());
    }

    @Test
    void everyKeyIsRead() throws Exception {
        SparkplugSettings s = load("""
                sparkplug:
                  groups: [plant1]
                  hostId: ws-7
                  primaryHost: true
                  reorderTimeoutMs: 500
                  rebirthDebounceSeconds: 30
                  maxPayloadKiB: 64
                  mapping:
                    site: acme
                    area: "{group}"
                    line: "{edge}"
                    station: "{device:cell}"
                """).sparkplug().orElseThrow();

        assertEquals("ws-7", s.hostId());
        assertEquals(true, s.primaryHost());
        assertEquals(Duration.ofMillis(500), s.reorderTimeout());
        assertEquals(Duration.ofSeconds(30), s.rebirthDebounce());
        assertEquals(64 * 1024, s.limits().maxPayloadBytes());
        assertEquals(TagPath.parse("acme/plant1/e1/cell/temp"), s.mapping().map("plant1", "e1", null, "Zone/temp"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sparkplug: yes|key 'sparkplug': expected a mapping with",
            "sparkplug:\\n  hostId: x|key 'sparkplug.groups': expected a list of Sparkplug group ids",
            "sparkplug:\\n  groups: [plant/1]|key 'sparkplug.groups[0]': expected a group id of 1-64 of A-Z a-z 0-9 _ . -, found \"plant/1\"",
            "sparkplug:\\n  groups: ['#']|key 'sparkplug.groups[0]'",
            "sparkplug:\\n  groups: [a]\\n  primaryHost: \"yes\"|key 'sparkplug.primaryHost': expected true or false, found \"yes\"",
            "sparkplug:\\n  groups: [a]\\n  reorderTimeoutMs: 5|key 'sparkplug.reorderTimeoutMs': expected a whole number from 100 to 60000, found 5",
            "sparkplug:\\n  groups: [a]\\n  seq: 1|unknown key 'sparkplug.seq'; expected one of groups, hostId",
            "sparkplug:\\n  groups: [a]\\n  mapping:\\n    line: '{line}'|key 'sparkplug.mapping': line template {line} names unknown placeholder {line}",
            "sparkplug:\\n  groups: [a]\\n  mapping:\\n    zone: x|unknown key 'sparkplug.mapping.zone'; expected one of area, line, signal, site, station",
    })
    void badSectionNamesFileKeyAndExpectation(String yaml, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("station.yaml"),
                "broker:\n  url: tcp://10.0.0.5:1883\n" + yaml.replace("\\n", "\n") + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote("config " + file) + ":\\d+: .*"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
