package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.mapping.FieldPath;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.SignalSpec;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.mapping.TopicTemplate;
import io.lineside.testsupport.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decode step with configured mappings: batches, per-signal quality, range, clock skew and sequence. */
class MappedIngestTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final String TOPIC = "plant/p1/assembly/line-1/press/telemetry";
    private static final TagMeta TEMP = new TagMeta("°C", 0, 250, Duration.ofSeconds(1));

    private static TagPath tag(String signal) {
        return TagPath.parse("p1/assembly/line-1/press/" + signal);
    }

    private final List<TagUpdate> updates = new CopyOnWriteArrayList<>();
    private final List<TagGap> gaps = new CopyOnWriteArrayList<>();
    private final Map<TagPath, TagMeta> described = new ConcurrentHashMap<>();
    private IngestPipeline pipeline;

    private void start(boolean partial) {
        MappingRule batch = new MappingRule(TopicTemplate.compile("plant/{site}/{area}/{line}/{station}/telemetry"),
                PayloadKind.BATCH, Map.of(), List.of(
                new SignalSpec("temperature", FieldPath.parse("values.temperature"), TEMP),
                new SignalSpec("speed", FieldPath.parse("values.speed"), null),
                new SignalSpec("state", FieldPath.parse("state"), null)),
                FieldPath.parse("ts"), FieldPath.parse("seq"), null, partial);
        MappingRule number = MappingRule.simple("raw/{site}/{area}/{line}/{station}/{signal}", PayloadKind.NUMBER);
        pipeline = new IngestPipeline(TopicMappings.of(List.of(batch, number), Duration.ofSeconds(5)), new IngestSink() {
            @Override
            public void accept(TagUpdate update) {
                updates.add(update);
            }

            @Override
            public void gap(TagGap gap) {
                gaps.add(gap);
            }

            @Override
            public void describe(TagPath path, TagMeta meta) {
                described.put(path, meta);
            }

            @Override
            public void messageDone(Runnable ack) {
                ack.run();
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC), 64 * 1024, 1_000);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    private void send(String topic, String json, int expectedMessages) {
        pipeline.offer(topic, json.getBytes(StandardCharsets.UTF_8));
        Eventually.await(expectedMessages + " messages", Duration.ofSeconds(5), () -> {
            IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
            return s.decoded() + s.unknownMessages() >= expectedMessages;
        });
    }

    private TagValue last(String signal) {
        TagValue found = null;
        for (TagUpdate u : updates) {
            if (u.path().equals(tag(signal))) {
                found = u.value();
            }
        }
        return found;
    }

    @Test
    void aBatchMessageBecomesOneUpdatePerSignalWithSharedSourceTimeAndSeq() {
        start(false);
        long ts = NOW.minusMillis(300).toEpochMilli();
        send(TOPIC, "{\"ts\":" + ts + ",\"seq\":1,\"values\":{\"temperature\":80.5,\"speed\":12},\"state\":\"running\"}", 1);
        assertEquals(3, updates.size());
        assertEquals(80.5, last("temperature").number());
        assertEquals(12.0, last("speed").number());
        assertEquals("running", last("state").text());
        for (TagUpdate u : updates) {
            assertEquals(Quality.GOOD, u.value().quality());
            assertEquals(Instant.ofEpochMilli(ts), u.value().sourceTime());
            assertEquals(NOW, u.value().receiveTime());
            assertEquals(1, u.value().seq());
            assertEquals(0, u.value().flags());
        }
        assertEquals(Map.of(tag("temperature"), TEMP), described, "only configured metadata is announced");
    }

    @Test
    void aMissingOrWrongTypedSignalIsBadAndCountedWhileTheOthersStayGood() {
        start(false);
        send(TOPIC, "{\"values\":{\"temperature\":\"hot\",\"speed\":{\"v\":1}}}", 1);
        assertEquals("hot", last("temperature").text(), "text is a legitimate value");
        assertEquals(Quality.BAD, last("speed").quality());
        assertNull(last("speed").value());
        assertEquals(Quality.BAD, last("state").quality(), "absent is BAD unless the rule is partial");
        assertEquals(2, pipeline.diagnostics().snapshot().badValues());
        assertEquals(0, pipeline.diagnostics().snapshot().parseErrors());
    }

    @Test
    void aPartialRuleSkipsAbsentSignalsInsteadOfMarkingThemBad() {
        start(true);
        send(TOPIC, "{\"values\":{\"speed\":3}}", 1);
        assertEquals(1, updates.size());
        assertEquals(tag("speed"), updates.getFirst().path());
    }

    @Test
    void aMalformedBatchMarksEverySignalOfTheStationBadAndKeepsTheBytesForDiagnosis() {
        start(false);
        send(TOPIC, "{\"values\":{\"speed\":3}", 1);
        assertEquals(3, updates.size());
        assertTrue(updates.stream().allMatch(u -> u.value().quality() == Quality.BAD));
        IngestDiagnostics.Snapshot s = pipeline.diagnostics().snapshot();
        assertEquals(1, s.parseErrors());
        assertEquals(TOPIC, s.lastBad().topic());
    }

    @Test
    void outOfRangeValuesAreKeptAsUncertainWithAFlag() {
        start(false);
        send(TOPIC, "{\"values\":{\"temperature\":900,\"speed\":1},\"state\":\"idle\"}", 1);
        TagValue temp = last("temperature");
        assertEquals(900.0, temp.number());
        assertEquals(Quality.UNCERTAIN, temp.quality());
        assertTrue(temp.outOfRange());
        assertFalse(last("speed").outOfRange(), "no range configured: never out of range");
        assertEquals(1, pipeline.diagnostics().outOfRangeValues());
    }

    @Test
    void aSourceClockBeyondTheLimitIsFlaggedOncePerMessageAndCounted() {
        start(false);
        long ahead = NOW.plusSeconds(30).toEpochMilli();
        send(TOPIC, "{\"ts\":" + ahead + ",\"values\":{\"temperature\":20,\"speed\":1},\"state\":\"idle\"}", 1);
        assertTrue(updates.stream().allMatch(u -> u.value().clockSkew()));
        assertEquals(Quality.GOOD, last("temperature").quality(), "skew flags, it does not degrade");
        assertEquals(1, pipeline.diagnostics().clockSkews());
        send("raw/p1/assembly/line-1/press/speed", "5", 2);
        assertFalse(last("speed").clockSkew(), "a value without its own time is never skewed");
    }

    @Test
    void theSequenceIsTrackedPerBatchTopicGapsCoverEverySignalAndARepeatIsPassedOnAsLate() {
        start(false);
        String body = ",\"values\":{\"temperature\":1,\"speed\":1},\"state\":\"idle\"}";
        send(TOPIC, "{\"seq\":1" + body, 1);
        send(TOPIC, "{\"seq\":4" + body, 2);
        send(TOPIC, "{\"seq\":4" + body, 3);
        assertEquals(9, updates.size(), "the repeat goes to history too, which stores it once");
        assertTrue(updates.subList(0, 6).stream().noneMatch(u -> u.value().late()));
        assertTrue(updates.subList(6, 9).stream().allMatch(u -> u.value().late()));
        assertEquals(3, gaps.size());
        assertTrue(gaps.stream().allMatch(g -> g.missing() == 2 && g.firstSeq() == 2));
        assertEquals(0, pipeline.diagnostics().snapshot().duplicates(), "history counts true duplicates");
        assertEquals(1, pipeline.diagnostics().snapshot().lateMessages());
        assertEquals(1, pipeline.diagnostics().snapshot().seqGaps());
    }

    @Test
    void aNumberRuleRefusesAnObjectAsBad() {
        start(false);
        send("raw/p1/assembly/line-1/press/speed", "{\"v\": 1}", 1);
        assertEquals(Quality.BAD, last("speed").quality());
        assertEquals(1, pipeline.diagnostics().snapshot().parseErrors());
    }
}
