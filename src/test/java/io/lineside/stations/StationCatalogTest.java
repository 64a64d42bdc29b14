package io.lineside.stations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The station model from configured signals, what the ingest recorded per tag, and the alarm limits. */
class StationCatalogTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final StationId OVEN = new StationId("bakery", "ovens", "line-a", "oven-1");
    private static final StationId OTHER = new StationId("bakery", "ovens", "line-b", "oven-2");

    private final TagStore store = new TagStore();

    private void publish(StationId id, String signal, Object value) {
        store.apply(new TagUpdate(id.signal(signal), new TagValue(value, NOW, NOW, Quality.GOOD, 1)));
    }

    private static AlarmDefinition limit(StationId id, String signal, LimitCondition.Level level, double at) {
        return new AlarmDefinition(signal + "-" + level, id.signal(signal), id, Priority.HIGH,
                new LimitCondition(level, at, 1), Duration.ZERO, Duration.ZERO, false, Duration.ZERO,
                Duration.ofHours(8), Map.of("en", signal), Optional.empty(), Optional.empty());
    }

    @Test
    void configuredSignalsComeInConfigOrderWithLabelsUnitsRangesRolesAndAlarmLimits() {
        ConfiguredSignal zone = new ConfiguredSignal(Map.of("line", "line-a"), "zone1",
                new TagMeta("\u00B0C", 0, 300, null),
                new SignalConfig(new Localized(Map.of("en", "Zone 1", "zh-CN", "\u4E00\u533A")), Localized.NONE, 0,
                        null, Set.of(), true));
        ConfiguredSignal door = new ConfiguredSignal(Map.of(), "door", TagMeta.NONE,
                new SignalConfig(Localized.NONE, Localized.NONE, -1, SignalKind.STATE, Set.of(), null));
        ConfiguredSignal trays = new ConfiguredSignal(Map.of(), "trays", TagMeta.NONE,
                new SignalConfig(Localized.NONE, Localized.NONE, -1, null, Set.of(SignalRole.GOOD_COUNT), null));
        StationCatalog catalog = new StationCatalog(List.of(zone, door, trays),
                List.of(limit(OVEN, "zone1", LimitCondition.Level.H, 250), limit(OVEN, "zone1", LimitCondition.Level.HH, 280)),
                store);

        StationDescription oven = catalog.describe(OVEN);

        assertEquals(List.of("zone1", "door", "trays"), oven.signals().stream().map(SignalDescription::name).toList());
        SignalDescription z = oven.signal("zone1").orElseThrow();
        assertEquals("Zone 1", z.label(Locale.ENGLISH));
        assertEquals("\u4E00\u533A", z.label(Locale.SIMPLIFIED_CHINESE));
        assertEquals("\u00B0C", z.unit());
        assertTrue(z.hasRange());
        assertEquals(250, z.limits().high());
        assertEquals(280, z.limits().highHigh());
        assertEquals("212", z.format(211.6));
        assertEquals(SignalKind.STATE, oven.signal("door").orElseThrow().kind());
        assertEquals(SignalKind.COUNTER, oven.signal("trays").orElseThrow().kind());
        assertEquals(List.of("zone1"), oven.trended().stream().map(SignalDescription::name).toList());
        // zone1 is scoped to line-a: oven-2 on line-b does not have it
        assertTrue(catalog.describe(OTHER).signal("zone1").isEmpty());
    }

    @Test
    void aStationNobodyDescribedStillListsEverySignalItSentAsGenericOnes() {
        publish(OVEN, "pressure", 1.2);
        publish(OVEN, "state", "running");
        publish(OVEN, "cycles", 10.0);
        publish(OVEN, "recipe", "rye");
        publish(OTHER, "pressure", 3.0);

        StationDescription oven = StationCatalog.generic(List.of(), store).describe(OVEN);

        assertEquals(List.of("cycles", "pressure", "recipe", "state"),
                oven.signals().stream().map(SignalDescription::name).toList());
        SignalDescription pressure = oven.signal("pressure").orElseThrow();
        assertEquals("", pressure.unit());
        assertFalse(pressure.hasRange());
        assertFalse(pressure.described());
        assertEquals("pressure", pressure.label(Locale.ENGLISH));
        assertEquals(SignalKind.TEXT, oven.signal("recipe").orElseThrow().kind());
        assertEquals(Set.of(SignalRole.STATE), oven.signal("state").orElseThrow().roles()); // by convention
        assertEquals(SignalKind.COUNTER, oven.signal("cycles").orElseThrow().kind());
        assertEquals(List.of("pressure"), oven.trended().stream().map(SignalDescription::name).toList());
        assertEquals(List.of("pressure", "recipe"), oven.values().stream().map(SignalDescription::name).toList());
    }

    @Test
    void aBirthsUnitRangeAndDescriptionRecordedInTheStoreDescribeTheSignal() {
        store.describe(OVEN.signal("chamber"), new TagMeta("kPa", 0, 200, null, Double.NaN, "Chamber pressure"));
        publish(OVEN, "chamber", 101.3);

        SignalDescription chamber = StationCatalog.generic(List.of(), store).describe(OVEN).signal("chamber").orElseThrow();

        assertEquals("kPa", chamber.unit());
        assertEquals(0, chamber.low());
        assertEquals(200, chamber.high());
        assertEquals("Chamber pressure", chamber.label(Locale.SIMPLIFIED_CHINESE));
        assertTrue(chamber.described());
    }
}
