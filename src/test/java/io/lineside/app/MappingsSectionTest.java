package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagMeta;
import io.lineside.telemetry.mapping.MappingsSection;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.TopicMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code mappings:} section of a workstation config: good files load fully, bad ones name file, key and want. */
class MappingsSectionTest {

    private static final String BROKER = "broker:\n  url: tcp://10.0.0.5:1883\n";

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void withoutMappingsTheHistoricLayoutUnderThePrefixApplies() throws Exception {
        AppConfig config = new ConfigLoader().load(write("s.yaml", BROKER + "topicPrefix: plant\n"));
        assertEquals(List.of("plant/#"), config.mappings().subscriptions());
        assertEquals(TopicMappings.DEFAULT_CLOCK_SKEW, config.mappings().clockSkewLimit());
        assertEquals("plant/{site}/{area}/{line}/{station}/{signal}", config.mappings().rules().getFirst().topic().text());
    }

    @Test
    void inlineRulesLoadWithKindsFixedPartsSignalsAndMetadata() throws Exception {
        AppConfig config = new ConfigLoader().load(write("s.yaml", BROKER + """
                clockSkewSeconds: 2
                mappings:
                  - topic: plant/{site}/{area}/{line}/{station}/telemetry
                    kind: batch
                    timestamp: ts
                    seq: /meta/seq
                    quality: q
                    partial: true
                    signals:
                      - {name: temperature, path: values.temperature, unit: "°C", expectedPeriod: 0.5, range: [0, 250], deadband: 0.5}
                      - {name: state, path: /state, expectedPeriod: PT10S}
                  - topic: factory/+/press/{line}/{station}/{signal}
                    kind: number
                    site: plant2
                    area: press
                    signals:
                      - {name: force, unit: kN, range: [-5, 400.5]}
                """));
        TopicMappings m = config.mappings();
        assertEquals(Duration.ofSeconds(2), m.clockSkewLimit());
        assertEquals(List.of("plant/+/+/+/+/telemetry", "factory/+/press/+/+/+"), m.subscriptions());
        MappingRule batch = m.rules().get(0);
        assertEquals(PayloadKind.BATCH, batch.kind());
        assertEquals(FieldPath.parse("meta.seq"), batch.seq());
        assertTrue(batch.partial());
        assertEquals(new TagMeta("°C", 0, 250, Duration.ofMillis(500), 0.5), batch.signals().get(0).meta());
        assertEquals(0.5, batch.signals().get(0).meta().deadbandOr(3), "the signal's own deadband");
        assertEquals(3, batch.signals().get(1).meta().deadbandOr(3), "none of its own: the station's");
        assertEquals(new TagMeta("", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Duration.ofSeconds(10)),
                batch.signals().get(1).meta());
        MappingRule number = m.rules().get(1);
        assertEquals(Map.of("site", "plant2", "area", "press"), number.fixed());
        assertEquals(400.5, number.signals().getFirst().meta().high());
    }

    @Test
    void mappingsMayLiveInTheirOwnFileNamedRelativeToTheConfig() throws Exception {
        write("map.yaml", """
                mappings:
                  - topic: t/{site}/{area}/{line}/{station}
                    kind: batch
                    signals: [{name: speed, path: speed}]
                """);
        AppConfig config = new ConfigLoader().load(write("s.yaml", BROKER + "mappings: map.yaml\n"));
        assertEquals(List.of("t/+/+/+/+"), config.mappings().subscriptions());
    }

    @Test
    void anErrorInAMappingsFileNamesThatFile() throws Exception {
        Path map = write("map.yaml", "- topic: t/{site}/{area}/{line}/{station}\n  kind: batch\n");
        Path config = write("s.yaml", BROKER + "mappings: map.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(config));
        assertTrue(e.getMessage().startsWith("config " + map + ":1: key 'mappings[0]': a batch rule needs"), e.getMessage());
        Path missing = write("s2.yaml", BROKER + "mappings: nowhere.yaml\n");
        assertTrue(assertThrows(ConfigException.class, () -> new ConfigLoader().load(missing)).getMessage()
                .contains("key 'mappings': expected a readable mappings file, found no file"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mappings: []|key 'mappings': expected a list of 1 to 1000 rules",
        "mappings: {topic: x}|key 'mappings': expected a list of 1 to 1000 rules",
        "mappings:\\n  - kind: batch|key 'mappings[0].topic': expected a non-empty string, found nothing",
        "mappings:\\n  - topic: a/#/b|key 'mappings[0].topic': expected a topic template such as",
        "mappings:\\n  - topic: a/{plant}|expected one of {site} {area} {line} {station} {signal}",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}/{signal}\\n    kind: json|key 'mappings[0].kind': expected number, object or batch, found \"json\"",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}/{signal}\\n    knd: batch|unknown key 'mappings[0].knd'; expected one of area, kind, line",
        "mappings:\\n  - topic: p/{area}/{line}/{station}/{signal}|key 'mappings[0]': the topic does not capture {site}",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}/{signal}\\n    site: x|key 'mappings[0]': site is both captured by the topic and fixed",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a}]|key 'mappings[0].signals[0].path': expected the signal's field path",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: x..y}]|key 'mappings[0].signals[0].path': expected a field path",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v, range: [5, 1]}]|key 'mappings[0].signals[0].range': expected [low, high]: two numbers with low <= high, found a list",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v, range: [0, 1e999]}]|key 'mappings[0].signals[0].range'",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v, expectedPeriod: -1}]|key 'mappings[0].signals[0].expectedPeriod': expected seconds",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v, expectedPeriod: soon}]|key 'mappings[0].signals[0].expectedPeriod'",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v, deadband: -1}]|key 'mappings[0].signals[0].deadband': expected a number >= 0 in the signal's units, found -1",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v, deadband: lots}]|key 'mappings[0].signals[0].deadband': expected a number >= 0",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: a, path: v}, {name: a, path: w}]|signal \"a\" is listed twice",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    signals: [{name: 'a b', path: v}]|invalid signal segment",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    timestamp: v\\n    signals: [{name: a, path: v.x}]|overlaps",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}\\n    kind: batch\\n    partial: yes please\\n    signals: [{name: a, path: v}]|key 'mappings[0].partial': expected true or false",
        "mappings:\\n  - topic: p/{site}/{area}/{line}/{station}/{signal}\\n    seq: s|timestamp, seq, quality and partial apply to batch rules only",
        "clockSkewSeconds: 0|key 'clockSkewSeconds': expected a whole number from 1 to 3600, found 0",
    })
    void hostileMappingsNameFileKeyAndExpectation(String yaml, String expected) throws IOException {
        Path file = write("s.yaml", BROKER + yaml.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote("config " + file) + ":\\d+: .*"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theShippedAssemblyEastExampleMappingsAreValid() throws Exception {
        Path example = Path.of("jlink-config/stations/assembly-east.yaml");
        var root = io.lineside.config.ConfigTree.read("config", example);
        TopicMappings m = new MappingsSection().read(root, "lineside");
        assertEquals(List.of("plant/+/+/+/+/telemetry", "lineside/+/+/+/+/+"), m.subscriptions());
        assertEquals("u/min", m.rules().getFirst().signals().get(1).meta().unit());
    }
}
