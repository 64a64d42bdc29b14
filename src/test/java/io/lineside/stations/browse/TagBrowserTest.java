package io.lineside.stations.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.stations.ConfiguredSignal;
import io.lineside.stations.SignalConfig;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.Quality;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TagBrowserTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final TagPath OVEN_TEMP = TagPath.parse("s/a/l1/oven/zone1");
    private static final TagPath PRESSURE = TagPath.parse("plant1/press-cell/node/Hydraulics/pressure");

    private final TagStore store = new TagStore();
    private final AtomicReference<Map<String, Long>> unknown = new AtomicReference<>(Map.of());
    private final AtomicReference<List<BirthMetric>> births = new AtomicReference<>(List.of());
    private final StationCatalog catalog = new StationCatalog(List.of(new ConfiguredSignal(Map.of("station", "oven"),
            "zone1", new TagMeta("\u00B0C", 0, 300, null), SignalConfig.NONE)), List.of(), store);
    private final TagBrowser browser = new TagBrowser(store, catalog, new TagBrowser.Sources(
            () -> Map.of(OVEN_TEMP, "plant/oven/zone1"), unknown::get,
            () -> Map.of("plant/mystery/a", "{\"v\":7}"), births::get));

    @Test
    void listsMappedTagsWithStationUnitRangeValueAndOrigin() {
        store.describe(OVEN_TEMP, new TagMeta("\u00B0C", 0, 300, null));
        store.apply(new TagUpdate(OVEN_TEMP, TagValue.good(212.345, T0, T0, 1)));
        assertTrue(browser.refresh(T0).membership());
        TagEntry e = browser.entry("tag:" + OVEN_TEMP);
        assertEquals("plant/oven/zone1", e.origin());
        assertTrue(e.mapped());
        assertTrue(e.configured(), "the station config describes zone1");
        assertEquals("\u00B0C", e.unit());
        assertEquals(0, e.low());
        assertEquals(300, e.high());
        assertEquals("212.3", e.value(), "the signal's own decimals (default one)");
        assertEquals(Quality.GOOD, e.quality());
        assertEquals(T0, e.received());
    }

    @Test
    void listsUnknownTopicsAndUnmappedBirthMetricsAsNotMapped() {
        unknown.set(Map.of("plant/mystery/a", 3L, "sparkplug plant1/press-cell: bad name", 2L));
        births.set(List.of(new BirthMetric("plant1/press-cell/Odd metric", "Double", null,
                new TagMeta("bar", 0, 250, null, Double.NaN, "Odd"), "12.5", T0),
                new BirthMetric("plant1/press-cell/Hydraulics/pressure", "Double", PRESSURE,
                        new TagMeta("bar", 0, 400, null), "", T0)));
        store.apply(new TagUpdate(PRESSURE, TagValue.good(180, T0, T0, 1)));
        browser.refresh(T0);
        TagEntry topic = browser.entry("topic:plant/mystery/a");
        assertFalse(topic.mapped());
        assertEquals(3, topic.messages());
        assertEquals("{\"v\":7}", topic.value(), "the start of its last payload");
        assertNull(topic.quality());
        TagEntry metric = browser.entry("spb:plant1/press-cell/Odd metric");
        assertFalse(metric.mapped());
        assertEquals("Double", metric.datatype());
        assertEquals("bar", metric.unit());
        assertEquals(250, metric.high());
        assertEquals("12.5", metric.value());
        assertNull(browser.entry("topic:sparkplug plant1/press-cell: bad name"), "births describe those metrics");
        TagEntry mapped = browser.entry("tag:" + PRESSURE);
        assertEquals("plant1/press-cell/Hydraulics/pressure", mapped.origin(), "the metric, not the tag path");
        assertEquals("Double", mapped.datatype());
        assertEquals(TagEntry.Source.SPARKPLUG, mapped.source());
        assertEquals(3, browser.view("", TagEntry.Mapping.ALL).rows().size());
        assertEquals(1, browser.view("", TagEntry.Mapping.MAPPED).rows().size());
        assertEquals(2, browser.view("", TagEntry.Mapping.UNMAPPED).rows().size());
        assertEquals(List.of("spb:plant1/press-cell/Odd metric"), browser.view("ODD", TagEntry.Mapping.ALL).rows()
                .stream().map(TagEntry::key).toList(), "text filter, any case");
    }

    @Test
    void valueChangesReportOnlyTheChangedKeyAndKeepMembership() {
        store.apply(new TagUpdate(OVEN_TEMP, TagValue.good(1, T0, T0, 1)));
        store.apply(new TagUpdate(PRESSURE, TagValue.good(2, T0, T0, 1)));
        browser.refresh(T0);
        store.apply(new TagUpdate(OVEN_TEMP, TagValue.good(5, T0, T0.plusMillis(100), 2)));
        TagBrowser.Changes c = browser.refresh(T0.plusMillis(100));
        assertFalse(c.membership());
        assertEquals(java.util.Set.of("tag:" + OVEN_TEMP), c.changed());
        store.apply(new TagUpdate(OVEN_TEMP, new TagValue(5.0, T0, T0, Quality.STALE, 2)));
        browser.refresh(T0.plusMillis(200));
        assertEquals(Quality.STALE, browser.entry("tag:" + OVEN_TEMP).quality());
    }

    @Test
    void aTopicTheDiagnosticsForgetLeavesTheList() {
        unknown.set(Map.of("x/1", 1L));
        browser.refresh(T0);
        assertTrue(browser.entry("topic:x/1") != null);
        unknown.set(Map.of());
        assertTrue(browser.refresh(T0.plus(Duration.ofSeconds(2))).membership());
        assertNull(browser.entry("topic:x/1"));
    }

    @Test
    void viewIsCappedAndCountsWhatItDoesNotShow() {
        Map<String, Long> many = new java.util.HashMap<>();
        for (int i = 0; i < TagBrowser.MAX_ROWS + 25; i++) {
            many.put("flood/" + i, 1L);
        }
        unknown.set(many);
        browser.refresh(T0);
        TagBrowser.Page page = browser.view("", TagEntry.Mapping.ALL);
        assertEquals(TagBrowser.MAX_ROWS, page.rows().size());
        assertEquals(25, page.notShown());
        browser.close();
        assertEquals(0, store.readerCount(), "closed: the store forgets the browser");
    }
}
