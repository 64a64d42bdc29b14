package io.lineside.telemetry.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicResolverTest {

    private static final TagMeta CELSIUS = new TagMeta("°C", 0, 250, Duration.ofSeconds(1));

    private static MappingRule batch(String template, Map<String, String> fixed, String... signals) {
        List<SignalSpec> specs = new ArrayList<>();
        for (String s : signals) {
            specs.add(new SignalSpec(s, FieldPath.parse("values." + s), s.equals("temperature") ? CELSIUS : TagMeta.NONE));
        }
        return new MappingRule(TopicTemplate.compile(template), PayloadKind.BATCH, fixed, specs,
                FieldPath.parse("ts"), null, null, false);
    }

    @Test
    void namedLevelsBecomeIsa95PartsAndWildcardsMatchAnything() {
        TopicMappings mappings = TopicMappings.of(List.of(
                batch("plant/{site}/{area}/{line}/{station}/telemetry", Map.of(), "temperature", "speed"),
                MappingRule.simple("factory/+/press/{line}/{station}/{signal}/#", PayloadKind.NUMBER,
                        Map.of("site", "p2", "area", "press"))), Duration.ofSeconds(5));
        TopicResolver resolver = new TopicResolver(mappings, (t, r) -> { });

        TopicResolver.Resolved station = resolver.resolve("plant/p1/assembly/line-1/press/telemetry");
        assertEquals(List.of(TagPath.parse("p1/assembly/line-1/press/temperature"),
                TagPath.parse("p1/assembly/line-1/press/speed")), List.of(station.paths()));
        assertEquals(CELSIUS, station.metas()[0]);

        TopicResolver.Resolved single = resolver.resolve("factory/gw7/press/l3/st9/force/raw/extra");
        assertEquals(TagPath.parse("p2/press/l3/st9/force"), single.paths()[0]);
        assertEquals(TagPath.parse("p2/press/l3/st9/force"),
                resolver.resolve("factory/gw7/press/l3/st9/force").paths()[0], "# also matches zero levels");
    }

    @Test
    void unmatchedTopicsAndInvalidSegmentsAreUnknown() {
        TopicResolver resolver = new TopicResolver(TopicMappings.defaults("lineside"), (t, r) -> { });
        assertNull(resolver.resolve("lineside/a/b/c/d"), "too short");
        assertNull(resolver.resolve("lineside/a/b/c/d/e/f"), "too long");
        assertNull(resolver.resolve("other/a/b/c/d/e"));
        assertNull(resolver.resolve("lineside/a/b/c/d/bad signal"), "not a tag segment");
        assertEquals(TagPath.parse("a/b/c/d/e"), resolver.resolve("lineside/a/b/c/d/e").paths()[0]);
    }

    @Test
    void firstMatchingRuleWinsAndLaterRulesCatchWhatItRefuses() {
        TopicMappings mappings = TopicMappings.of(List.of(
                MappingRule.simple("x/{site}/{area}/{line}/{station}/{signal}", PayloadKind.NUMBER),
                MappingRule.simple("x/+/{area}/{line}/{station}/{signal}", PayloadKind.OBJECT,
                        Map.of("site", "fallback"))), Duration.ofSeconds(5));
        TopicResolver resolver = new TopicResolver(mappings, (t, r) -> { });
        assertEquals(PayloadKind.NUMBER, resolver.resolve("x/s/a/l/st/sig").rule().kind());
        TopicResolver.Resolved second = resolver.resolve("x/bad site/a/l/st/sig");
        assertEquals(PayloadKind.OBJECT, second.rule().kind(), "an invalid capture falls through to the next rule");
        assertEquals("fallback", second.paths()[0].site());
    }

    @Test
    void eachNewTopicIsAnnouncedOnceSoItsMetadataReachesTheStoreOnce() {
        List<String> announced = new ArrayList<>();
        TopicResolver resolver = new TopicResolver(TopicMappings.of(List.of(
                batch("p/{site}/{area}/{line}/{station}", Map.of(), "temperature")), Duration.ofSeconds(5)),
                (topic, r) -> announced.add(topic + " -> " + r.paths()[0]));
        for (int i = 0; i < 3; i++) {
            resolver.resolve("p/a/b/c/d");
            resolver.resolve("p/a/b/c/e");
            resolver.resolve("p/unknown");
        }
        assertEquals(List.of("p/a/b/c/d -> a/b/c/d/temperature", "p/a/b/c/e -> a/b/c/e/temperature"), announced);
    }

    @Test
    void subscriptionsComeFromTheRulesOnePerRuleAndTheDefaultKeepsPrefixHash() {
        TopicMappings mappings = TopicMappings.of(List.of(
                batch("plant/{site}/{area}/{line}/{station}/telemetry", Map.of(), "speed"),
                MappingRule.simple("factory/+/{site}/{area}/{line}/{station}/{signal}/#", PayloadKind.NUMBER)),
                Duration.ofSeconds(5));
        assertEquals(List.of("plant/+/+/+/+/telemetry", "factory/+/+/+/+/+/+/#"), mappings.subscriptions());
        assertEquals(List.of("lineside/#"), TopicMappings.defaults("lineside").subscriptions());
    }

    @Test
    void badTemplatesAndRulesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicTemplate.compile("a/#/b"))
                .getMessage().contains("# is only allowed as the last level"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicTemplate.compile("a/{plant}/b"))
                .getMessage().contains("expected one of {site}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicTemplate.compile("{site}/{site}"))
                .getMessage().contains("appears twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicTemplate.compile("a//b"))
                .getMessage().contains("level 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MappingRule.simple("p/{area}/{line}/{station}/{signal}", PayloadKind.NUMBER))
                .getMessage().contains("does not capture {site}"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> batch("p/{site}/{area}/{line}/{station}/{signal}", Map.of(), "speed"))
                .getMessage().contains("names its signals in 'signals'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MappingRule(
                TopicTemplate.compile("p/{site}/{area}/{line}/{station}"), PayloadKind.BATCH, Map.of(),
                List.of(new SignalSpec("a", FieldPath.parse("v"), null), new SignalSpec("b", FieldPath.parse("v.x"), null)),
                null, null, null, false)).getMessage().contains("overlaps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> batch("p/{site}/{area}/{line}/{station}",
                Map.of(), "bad name")).getMessage().contains("invalid signal segment"));
    }

    @Test
    void fieldPathsAcceptDottedAndJsonPointerSyntax() {
        assertEquals(List.of("values", "temperature"), FieldPath.parse("values.temperature").names());
        assertEquals(List.of("values", "a/b", "c~d"), FieldPath.parse("/values/a~1b/c~0d").names());
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("values..x"));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("/a/b/c/d/e/f/g"));
    }
}
