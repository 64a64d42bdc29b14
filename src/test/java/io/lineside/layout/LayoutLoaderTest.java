package io.lineside.layout;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutLoaderTest {

    /** A small valid layout; tests replace one marked piece to make it hostile. */
    static final String GOOD = """
            layout: 1
            name: Test hall
            site: s1
            plan: {width: 1000, height: 500}
            areas:
              - id: body
                lines:
                  - id: l1
                    label: {en: Line 1, zh-CN: 一号线}
                    stations:
                      - id: press
                        at: [100, 50]
                        size: [200, 150]
                        symbols:
                          - {id: p, kind: station, tag: state, at: [0, 0], size: [200, 150]}
                          - {id: p-temp, kind: bar, tag: temperature, unit: °C, at: [10, 40], size: [180, 30],
                             range: {min: 0, max: 100, high: 80}}
                      - id: weld
                        at: [400, 50]
                        size: [200, 150]
                        symbols:
                          - {id: w, kind: KIND, tag: state, at: [0, 0], size: [200, 150]}
            connections:
              - {from: p, to: w, kind: conveyor, running: body/l1/press/state}
            """;

    private final LayoutLoader loader = new LayoutLoader();

    private static String good() {
        return GOOD.replace("KIND", "station");
    }

    private ConfigException refused(String text) {
        return assertThrows(ConfigException.class, () -> loader.parse("plant.yaml", text));
    }

    @Test
    void goodFileGivesStationsSymbolsWithAbsoluteBoxesAndBindings() throws Exception {
        Layout layout = loader.parse("plant.yaml", good());
        assertEquals("Test hall", layout.name());
        assertEquals(2, layout.stations().count());
        LayoutSymbol bar = layout.symbolsById().get("p-temp");
        assertEquals(SymbolKind.BAR, bar.kind());
        assertEquals(new Box(110, 90, 180, 30), bar.box(), "'at' is relative to the station");
        assertEquals(Optional.of(TagPath.parse("s1/body/l1/press/temperature")), bar.tag());
        assertEquals(0.5, bar.range().orElseThrow().fraction(50));
        assertTrue(bar.range().orElseThrow().abnormal(81));
        assertEquals("一号线", layout.areas().getFirst().lines().getFirst().label().in("zh-CN").orElseThrow());
        LayoutConnection c = layout.connections().getFirst();
        assertEquals(ConnectionKind.CONVEYOR, c.kind());
        assertEquals(Optional.of(TagPath.parse("s1/body/l1/press/state")), c.running());
    }

    @Test
    void jsonIsAcceptedAsWell() throws Exception {
        String json = """
                {"layout": 1, "site": "s1", "plan": {"width": 100, "height": 100},
                 "areas": [{"id": "a", "lines": [{"id": "l", "stations": [
                   {"id": "st", "at": [0, 0], "size": [50, 50],
                    "symbols": [{"id": "v", "kind": "value", "tag": "speed", "at": [1, 1], "size": [40, 10]}]}]}]}]}
                """;
        assertEquals("speed", loader.parse("plant.json", json).symbols().findFirst().orElseThrow().signal().orElseThrow());
    }

    @Test
    void demoLayoutCoversTheSimulatorsThreeLinesOfSixStations() throws Exception {
        Layout demo = loader.loadDemo();
        assertEquals("demo", demo.site());
        Set<StationId> stations = demo.stations().map(LayoutStation::id).collect(Collectors.toSet());
        assertEquals(18, stations.size());
        for (String line : List.of("line-1", "line-2", "line-3")) {
            for (String st : List.of("load", "press", "weld", "paint", "inspect", "pack")) {
                assertTrue(stations.contains(new StationId("demo", "assembly", line, st)), line + "/" + st);
            }
        }
        Set<String> simSignals = Set.of("state", "speed", "temperature", "cycles");
        demo.symbols().forEach(s -> s.signal().ifPresent(sig -> assertTrue(simSignals.contains(sig), s.id() + " " + sig)));
        Set<SymbolKind> kinds = demo.symbols().map(LayoutSymbol::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of(SymbolKind.TANK, SymbolKind.VALVE, SymbolKind.MOTOR, SymbolKind.BUFFER,
                SymbolKind.LAMP, SymbolKind.VALUE, SymbolKind.BAR)), kinds.toString());
    }

    @Test
    void unknownSymbolKindNamesLineAndListsTheAllowedKinds() {
        ConfigException e = refused(GOOD.replace("KIND", "robot"));
        assertEquals(22, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("layout plant.yaml:22:"), e.getMessage());
        assertTrue(e.getMessage().contains("symbol 'w'") && e.getMessage().contains("key 'kind'")
                && e.getMessage().contains(SymbolKind.allowed()) && e.getMessage().contains("\"robot\""), e.getMessage());
    }

    @Test
    void kindNamingAJavaClassIsRefusedAsCode() {
        ConfigException e = refused(GOOD.replace("KIND", "javafx.scene.web.WebView"));
        assertTrue(e.getMessage().contains("never Java classes"), e.getMessage());
    }

    @Test
    void yamlTypeTagsAreRefusedNotInstantiated() {
        ConfigException e = refused(good().replace("name: Test hall", "name: !!java.lang.Runtime {}"));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("YAML tags") && e.getMessage().contains("java.lang.Runtime"), e.getMessage());
        ConfigException gadget = refused(good().replace("name: Test hall",
                "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]"));
        assertTrue(gadget.getMessage().contains("YAML tags"), gadget.getMessage());
        assertTrue(refused(good().replace("kind: conveyor,", "kind: !local conveyor,")).getMessage().contains("YAML tags"));
    }

    @Test
    void classAndFxKeysAreRefusedAsCode() {
        ConfigException e = refused(good().replace("size: [200, 150]\n            symbols",
                "size: [200, 150]\n            class: java.lang.ProcessBuilder\n            symbols"));
        assertTrue(e.getMessage().contains("key 'class' looks like a Java class or FXML"), e.getMessage());
        assertEquals(14, e.line(), e.getMessage());
        assertTrue(refused(good().replace("name: Test hall", "fx:controller: io.lineside.Evil"))
                .getMessage().contains("looks like a Java class or FXML"));
    }

    @Test
    void fxmlIsRefusedAsNotALayout() {
        String fxml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?import javafx.scene.layout.Pane?>
                <Pane xmlns:fx="http://javafx.com/fxml" fx:controller="java.lang.Runtime"/>
                """;
        assertTrue(refused(fxml).getMessage().contains("looks like XML or FXML"));
    }

    @Test
    void fileOverTheCapIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes();
        try (var out = Files.newOutputStream(big)) {
            for (long written = 0; written < 10L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        long start = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(big));
        assertTrue(e.getMessage().contains("at most " + LayoutLoader.MAX_FILE_BYTES), e.getMessage());
        assertTrue(System.nanoTime() - start < 500_000_000L, "refused without reading 10 MB");
    }

    @Test
    void tooManySymbolsInTheWholeLayoutAreRefused() {
        // Half the cap in each of two stations: each list is within its own limit, the layout is not.
        String text = good().replace("symbols:\n              - {id: p,", "symbols:\n" + motors("a") + "              - {id: p,")
                .replace("symbols:\n              - {id: w,", "symbols:\n" + motors("b") + "              - {id: w,");
        ConfigException e = refused(text);
        assertTrue(e.getMessage().contains("more than " + LayoutLoader.MAX_SYMBOLS + " symbols in one layout"), e.getMessage());
    }

    private static String motors(String prefix) {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < LayoutLoader.MAX_SYMBOLS / 2; i++) {
            symbols.append("- {id: ").append(prefix).append(i).append(", kind: motor, at: [0, 0], size: [1, 1]}\n");
        }
        return symbols.toString().indent(14);
    }

    @Test
    void wrongTypesNameTheKeyWhatWasExpectedAndWhatWasFound() {
        ConfigException size = refused(good().replace("size: [200, 150]\n            symbols",
                "size: big\n            symbols"));
        assertTrue(size.getMessage().contains("key 'size': expected [width, height] of positive numbers, found \"big\""),
                size.getMessage());
        assertEquals(13, size.line());
        ConfigException min = refused(good().replace("min: 0", "min: zero"));
        assertTrue(min.getMessage().contains("key 'min': expected a number"), min.getMessage());
        ConfigException site = refused(good().replace("site: s1", "site: [s1]"));
        assertTrue(site.getMessage().contains("key 'site'") && site.getMessage().contains("found a list"), site.getMessage());
        ConfigException tag = refused(good().replace("tag: temperature", "tag: 42"));
        assertTrue(tag.getMessage().contains("key 'tag'"), tag.getMessage());
        ConfigException version = refused(good().replace("layout: 1", "layout: 2"));
        assertTrue(version.getMessage().contains("format version 1"), version.getMessage());
    }

    @Test
    void duplicateIdsAndKeysAreRefused() {
        ConfigException symbol = refused(good().replace("{id: w,", "{id: p-temp,"));
        assertTrue(symbol.getMessage().contains("duplicate symbol id 'p-temp'"), symbol.getMessage());
        ConfigException station = refused(good().replace("- id: weld", "- id: press"));
        assertTrue(station.getMessage().contains("duplicate station id 'press'"), station.getMessage());
        ConfigException key = refused(good().replace("site: s1", "site: s1\nsite: s2"));
        assertTrue(key.getMessage().contains("duplicate key 'site' (first at line 3)"), key.getMessage());
        assertEquals(4, key.line());
    }

    @Test
    void referencesToUnknownStationsAndSymbolsAreRefused() {
        ConfigException st = refused(good().replace("running: body/l1/press/state", "running: body/l1/oven/state"));
        assertTrue(st.getMessage().contains("station body/l1/oven is not in this layout"), st.getMessage());
        ConfigException sym = refused(good().replace("to: w,", "to: nowhere,"));
        assertTrue(sym.getMessage().contains("connections[0]: key 'to': expected the id of a symbol"), sym.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        ConfigException e = refused(good().replace("name: Test hall", "name: " + deep));
        assertTrue(e.getMessage().contains("nest") || e.getMessage().contains("depth"), e.getMessage());
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        String laughs = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n";
        ConfigException e = refused(laughs + good());
        assertTrue(e.getMessage().contains("anchors and aliases"), e.getMessage());
    }

    @Test
    void boxesOutsideThePlanAndUnknownKeysAreRefused() {
        ConfigException out = refused(good().replace("at: [400, 50]", "at: [900, 50]"));
        assertTrue(out.getMessage().contains("lies outside the plan (0, 0) to (1000, 500)"), out.getMessage());
        ConfigException unknown = refused(good().replace("unit: °C,", "colour: red,"));
        assertTrue(unknown.getMessage().contains("unknown key 'colour'; expected one of at, id, kind"), unknown.getMessage());
        ConfigException range = refused(good().replace("range: {min: 0, max: 100, high: 80}", "label: x"));
        assertTrue(range.getMessage().contains("key 'range' is missing"), range.getMessage());
    }

    @Test
    void theDocumentedSchemaListsExactlyTheAllowedKinds() throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("docs", "layout.schema.json").toFile());
        List<String> documented = new java.util.ArrayList<>();
        schema.at("/$defs/symbol/properties/kind/enum").forEach(n -> documented.add(n.asText()));
        assertEquals(java.util.Arrays.stream(SymbolKind.values()).map(SymbolKind::id).toList(), documented);
    }

    @Test
    void aNameMayBeGivenInBothLanguages() throws Exception {
        Layout layout = loader.parse("plant.yaml", good().replace("name: Test hall", "name: {en: Hall, zh-CN: \u8F66\u95F4}"));
        assertEquals("Hall", layout.name());
        assertEquals("\u8F66\u95F4", layout.name("zh-CN"));
    }

    @Test
    void missingFileIsReportedWithItsName(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir.resolve("none.yaml")));
        assertTrue(e.getMessage().endsWith("none.yaml: file not found"), e.getMessage());
    }
}
