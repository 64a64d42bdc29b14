package io.lineside.telemetry.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.config.ConfigSource;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One rule added to a mappings text: read back by MappingsSection, other lines kept, flow style refused. */
class MappingsTextTest {

    private static final NewSignal RULE = new NewSignal("x/\"odd\" topic", new StationId("s", "a", "l", "st"), "sig",
            "kN", 0, 2.5);
    private static final ConfigSource FILE = ConfigSource.of("config", Path.of("/tmp/mappings.yaml"));

    @Test
    void aBareListFileGainsTheRuleAtItsEndAndReadsBack() throws Exception {
        String text = "# ours\n- topic: p/{site}/{area}/{line}/{station}/{signal}\n  kind: number   # bare numbers\n";
        String edited = MappingsText.addToMappingsFile(text, RULE);
        assertTrue(edited.startsWith(text), edited);
        TopicMappings read = new MappingsSection().readFile(FILE, edited, TopicMappings.DEFAULT_CLOCK_SKEW);
        assertEquals(2, read.rules().size());
        TopicResolver.Resolved r = new TopicResolver(read, (t, x) -> { }).resolve("x/\"odd\" topic");
        assertEquals(new TagPath("s", "a", "l", "st", "sig"), r.paths()[0]);
        assertEquals("kN", r.metas()[0].unit());
        assertEquals(2.5, r.metas()[0].high());
    }

    @Test
    void aFlowStyleListIsNotEditedInPlace() {
        assertThrows(MappingsText.NotEditable.class, () -> MappingsText.addToStationConfig(
                "broker: {url: tcp://h:1}\nmappings: [{topic: p/{site}/{area}/{line}/{station}/{signal}}]\n", RULE, "p"));
        assertThrows(MappingsText.NotEditable.class, () -> MappingsText.addToMappingsFile(
                "[{topic: p/{site}/{area}/{line}/{station}/{signal}}]\n", RULE));
    }

    @Test
    void aBlockListAtColumnZeroKeepsTheKeysAfterIt() throws Exception {
        String text = "mappings:\n- topic: p/{site}/{area}/{line}/{station}/{signal}\n# next\nlanguage: en\n";
        String edited = MappingsText.addToStationConfig(text, RULE, "p");
        assertTrue(edited.indexOf("odd") < edited.indexOf("# next"), edited);
        assertTrue(edited.endsWith("# next\nlanguage: en\n"), edited);
    }
}
