package io.lineside.testsupport;

import io.lineside.stations.ConfiguredSignal;
import io.lineside.stations.Localized;
import io.lineside.stations.SignalConfig;
import io.lineside.stations.SignalKind;
import io.lineside.stations.SignalRole;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Station models for view tests: the demo's signals described as a plant config would describe them. */
public final class TestStations {

    private TestStations() {
    }

    /** state, temperature (°C, trended; the first pen), speed (/min, 0–50, trended), cycles and scrap, on every station. */
    public static StationCatalog demoLike(TagStore store) {
        double inf = Double.POSITIVE_INFINITY;
        return new StationCatalog(List.of(
                signal("state", TagMeta.NONE, Localized.NONE, Localized.NONE, SignalKind.STATE, SignalRole.STATE, false),
                signal("temperature", new TagMeta("\u00B0C", -inf, inf, null), words("Temp", "\u6E29\u5EA6"),
                        Localized.NONE, SignalKind.ANALOG, null, true),
                signal("speed", new TagMeta("/min", 0, 50, null), words("Speed", "\u901F\u5EA6"),
                        words("/min", "/\u5206"), SignalKind.ANALOG, SignalRole.SPEED, true),
                signal("cycles", TagMeta.NONE, words("Parts", "\u4EA7\u91CF"), Localized.NONE, SignalKind.COUNTER,
                        SignalRole.GOOD_COUNT, false),
                signal("scrap", TagMeta.NONE, words("Scrap", "\u5E9F\u54C1"), Localized.NONE, SignalKind.COUNTER,
                        SignalRole.SCRAP_COUNT, false)), List.of(), store);
    }

    private static ConfiguredSignal signal(String name, TagMeta meta, Localized label, Localized units, SignalKind kind,
                                           SignalRole role, boolean trend) {
        return new ConfiguredSignal(Map.of(), name, meta, new SignalConfig(label, units, -1, kind,
                role == null ? Set.of() : Set.of(role), trend));
    }

    private static Localized words(String en, String zh) {
        return new Localized(Map.of("en", en, "zh-CN", zh));
    }
}
