package io.lineside.app;

import io.lineside.stations.ConfiguredSignal;
import io.lineside.stations.Localized;
import io.lineside.stations.SignalConfig;
import io.lineside.stations.SignalKind;
import io.lineside.stations.SignalRole;
import io.lineside.tags.TagMeta;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.SignalSpec;
import io.lineside.telemetry.mapping.TopicMappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/** The configured signals the station model starts from: a config's mappings, or the demo plant's. */
final class StationSignals {

    private StationSignals() {
    }

    /** Every signal the mapping rules describe, scoped to the stations of its rule's fixed parts. */
    static List<ConfiguredSignal> from(TopicMappings mappings) {
        List<ConfiguredSignal> out = new ArrayList<>();
        for (MappingRule rule : mappings.rules()) {
            for (SignalSpec spec : rule.signals()) {
                out.add(new ConfiguredSignal(rule.fixed(), spec.name(), spec.meta(), spec.config()));
            }
        }
        return out;
    }

    /**
     * The demo simulator's signals, described as a plant's config would describe them (labels from the bundles, so
     * the demo reads as it always has). Temperature has no engineering range: its bar's scale comes from its alarm
     * limits, which differ per station.
     */
    static List<ConfiguredSignal> demo() {
        ResourceBundle en = ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.ENGLISH);
        ResourceBundle zh = ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.SIMPLIFIED_CHINESE);
        double inf = Double.POSITIVE_INFINITY;
        return List.of(
                signal("state", TagMeta.NONE, new SignalConfig(Localized.NONE, Localized.NONE, -1, SignalKind.STATE,
                        Set.of(SignalRole.STATE), false)),
                signal("speed", new TagMeta("/min", 0, 50, null), new SignalConfig(words(en, zh, "tile.speed"),
                        words(en, zh, "unit.speed"), 1, SignalKind.ANALOG, Set.of(SignalRole.SPEED), true)),
                signal("temperature", new TagMeta("\u00B0C", -inf, inf, null), new SignalConfig(
                        words(en, zh, "tile.temperature"), words(en, zh, "unit.temperature"), 1, SignalKind.ANALOG,
                        Set.of(), true)),
                signal("cycles", TagMeta.NONE, new SignalConfig(words(en, zh, "tile.cycles"), Localized.NONE, 0,
                        SignalKind.COUNTER, Set.of(SignalRole.GOOD_COUNT), false)),
                signal("scrap", TagMeta.NONE, new SignalConfig(words(en, zh, "shift.scrap"), Localized.NONE, 0,
                        SignalKind.COUNTER, Set.of(SignalRole.SCRAP_COUNT), false)));
    }

    private static ConfiguredSignal signal(String name, TagMeta meta, SignalConfig config) {
        return new ConfiguredSignal(Map.of(), name, meta, config);
    }

    private static Localized words(ResourceBundle en, ResourceBundle zh, String key) {
        return new Localized(Map.of("en", en.getString(key), "zh-CN", zh.getString(key)));
    }
}
