package io.lineside.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reader: every value keeps its key path and line, one strictness, one message format. */
class ConfigTreeTest {

    private static final ConfigSource SOURCE = new ConfigSource("config", "s.yaml", null);

    @TempDir
    Path dir;

    @Test
    void everyValueKnowsItsKeyPathAndLine() throws Exception {
        ConfigNode top = ConfigTree.parse(SOURCE, "", """
                broker:
                  url: tcp://x:1
                mappings:
                  - topic: a/b
                    signals:
                      - {name: t, range: [0, 5]}
                """);
        ConfigNode url = top.get("broker").get("url");
        assertEquals("broker.url", url.key());
        assertEquals(2, url.line());
        ConfigNode range = top.get("mappings").items().get(0).get("signals").items().get(0).get("range");
        assertEquals("mappings[0].signals[0].range", range.key());
        assertEquals(6, range.line());
        assertEquals(6, range.items().get(1).line(), "a flow list's items are on its line");
        assertEquals("config s.yaml:6: key 'mappings[0].signals[0].range': expected low <= high, found a list",
                range.error("low <= high").getMessage());
    }

    @Test
    void anAbsentKeyIsReportedAtItsParentsLine() throws Exception {
        ConfigNode broker = ConfigTree.parse(SOURCE, "", "x: 1\nbroker:\n  clientId: a\n").get("broker");
        ConfigNode url = broker.get("url");
        assertTrue(url.isAbsent() && url.isEmpty());
        ConfigException e = assertThrows(ConfigException.class, () -> url.requiredText("a broker URL"));
        assertEquals("config s.yaml:2: key 'broker.url': expected a broker URL, found nothing", e.getMessage());
        assertEquals("s.yaml", e.file());
        assertEquals(2, e.line());
        assertEquals("broker.url", e.key());
        assertEquals("expected a broker URL, found nothing", e.problem());
    }

    @Test
    void nothingIsCoerced() throws Exception {
        ConfigNode top = ConfigTree.parse(SOURCE, "", "n: \"5\"\nb: \"true\"\nf: 2.5\n");
        assertEquals("config s.yaml:1: key 'n': expected a whole number from 1 to 9, found \"5\"",
                assertThrows(ConfigException.class, () -> top.get("n").optionalInt(1, 9)).getMessage());
        assertThrows(ConfigException.class, () -> top.get("b").bool(false));
        assertThrows(ConfigException.class, () -> top.get("f").optionalInt(1, 9));
        assertEquals(Optional.empty(), top.get("missing").optionalInt(1, 9));
    }

    @Test
    void anUnknownKeyIsNamedOnItsLineWithWhatWasMeant() throws Exception {
        ConfigNode top = ConfigTree.parse(SOURCE, "", "broker:\n  url: x\n  pasword: y\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> top.get("broker").onlyKeys(Set.of("url", "password", "username")));
        assertEquals("config s.yaml:3: unknown key 'broker.pasword'; expected one of password, url, username"
                + " (did you mean 'password'?)", e.getMessage());
        assertEquals("broker.pasword", e.key());
        ConfigException far = assertThrows(ConfigException.class,
                () -> ConfigTree.parse(SOURCE, "", "colour: red\n").onlyKeys(Set.of("url", "password")));
        assertTrue(!far.getMessage().contains("did you mean"), far.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a: 1\\nb: 2\\na: 3|config s.yaml:3: not valid YAML at line 3, column 1: duplicate key 'a' (first at line 1)",
        "a: !!java.lang.Runtime x|YAML tags such as !!java.lang.Runtime are not allowed",
        "a: &x 1\\nb: *x|YAML anchors and aliases (& and *) are not allowed",
        "a: 1\\n---\\nb: 2|only one YAML document is allowed",
        "a: {b: 1|config s.yaml:1: not valid YAML at line 1",
    })
    void whatYamlCouldHideIsRefusedWithItsLine(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTree.parse(SOURCE, "", yaml.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.line() > 0, "the line is known");
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void filesAreReadWithTheirPathsResolvedBesideThem() throws Exception {
        Path file = Files.writeString(dir.resolve("station.yaml"), "layout: plans/a.yaml\nabs: /etc/x\n");
        ConfigNode top = ConfigTree.read("config", file);
        assertEquals(Optional.of(dir.resolve("plans/a.yaml")), top.get("layout").optionalPath());
        assertEquals(Optional.of(Path.of("/etc/x")), top.get("abs").optionalPath());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ConfigTree.read("config", dir.resolve("none.yaml")));
        assertEquals("config " + dir.resolve("none.yaml") + ": file not found", missing.getMessage());
        assertEquals(0, missing.line());
        Files.writeString(dir.resolve("big.yaml"), "a: " + "x".repeat((int) ConfigTree.MAX_FILE_BYTES));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigTree.read("config", dir.resolve("big.yaml")))
                .getMessage().contains("larger than 1 MiB"));
    }
}
