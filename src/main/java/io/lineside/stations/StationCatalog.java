package io.lineside.stations;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds each station's {@link StationDescription} from three sources: the configured signals (mappings, or the
 * demo's), what the ingest recorded per tag in the {@link TagStore} (a mapping's unit and range, a Sparkplug
 * birth's EngUnit, EngLow/EngHigh and Description), and the alarm definitions (limits). A station's signals the
 * store holds but nobody described are listed too, as generic ones (no unit, no range): never hidden.
 *
 * <p>Safe from any thread; {@link #describe} scans the store's paths, so views call it when they meet a signal
 * they do not know yet, not per pulse.
 */
public final class StationCatalog {

    /** The default trend takes at most this many signals when none is configured for it. */
    static final int DEFAULT_PENS = 2;

    private volatile List<ConfiguredSignal> configured;
    private final List<AlarmDefinition> alarms;
    private final TagStore store;

    public StationCatalog(List<ConfiguredSignal> configured, List<AlarmDefinition> alarms, TagStore store) {
        this.configured = List.copyOf(configured);
        this.alarms = List.copyOf(alarms);
        this.store = store;
    }

    /** A catalog with nothing configured: every station generic, limits from {@code alarms}. */
    public static StationCatalog generic(List<AlarmDefinition> alarms, TagStore store) {
        return new StationCatalog(List.of(), alarms, store);
    }

    /** The same configuration over another store (replay's: its view-models read recorded values). */
    public StationCatalog over(TagStore other) {
        return new StationCatalog(configured, alarms, other);
    }

    /** Describes stations from {@code signals} from now on (mappings saved in the app, applied live). */
    public void reconfigure(List<ConfiguredSignal> signals) {
        this.configured = List.copyOf(signals);
    }

    /** The station as known now. */
    public StationDescription describe(StationId id) {
        Map<String, SignalDescription> out = new LinkedHashMap<>();
        for (ConfiguredSignal c : configured) { // one read of the volatile list
            if (c.appliesTo(id) && !out.containsKey(c.name())) {
                TagPath path = id.signal(c.name());
                out.put(c.name(), resolve(path, c.meta(), c.config(), store.get(path), true));
            }
        }
        List<TagPath> seen = new ArrayList<>();
        for (TagPath p : store.paths()) {
            if (p.stationId().equals(id) && !out.containsKey(p.signal())) {
                seen.add(p);
            }
        }
        seen.sort(java.util.Comparator.comparing(TagPath::signal));
        for (TagPath p : seen) {
            TagMeta meta = store.meta(p);
            boolean fromBirth = !meta.unit().isEmpty() || !meta.description().isEmpty()
                    || Double.isFinite(meta.low()) || Double.isFinite(meta.high());
            out.put(p.signal(), resolve(p, TagMeta.NONE, SignalConfig.NONE, store.get(p), fromBirth));
        }
        List<SignalDescription> signals = new ArrayList<>(out.values());
        if (signals.stream().noneMatch(SignalDescription::trend)) {
            signals = withDefaultPens(signals);
        }
        return new StationDescription(id, signals);
    }

    private SignalDescription resolve(TagPath path, TagMeta configuredMeta, SignalConfig config, TagValue value,
                                      boolean described) {
        TagMeta live = store.meta(path); // what the ingest recorded: the mapping's, or the birth's
        String unit = !configuredMeta.unit().isEmpty() ? configuredMeta.unit() : live.unit();
        boolean configuredRange = Double.isFinite(configuredMeta.low()) || Double.isFinite(configuredMeta.high());
        double low = configuredRange ? configuredMeta.low() : live.low();
        double high = configuredRange ? configuredMeta.high() : live.high();
        Localized label = !config.label().isEmpty() ? config.label() : Localized.of(live.description());
        Set<SignalRole> roles = config.roles().isEmpty()
                ? SignalRole.byConvention(path.signal()).map(EnumSet::of).orElse(EnumSet.noneOf(SignalRole.class))
                : config.roles();
        SignalKind kind = config.kind() != null ? config.kind() : infer(roles, value);
        int decimals = config.decimals() >= 0 ? config.decimals() : SignalDescription.DEFAULT_DECIMALS;
        boolean trend = config.trend() != null && config.trend() && kind == SignalKind.ANALOG;
        return new SignalDescription(path.signal(), label, unit, config.units(), low, high, decimals, kind, roles,
                trend, SignalLimits.of(path, alarms), described);
    }

    private static SignalKind infer(Set<SignalRole> roles, TagValue value) {
        if (roles.contains(SignalRole.STATE)) {
            return SignalKind.STATE;
        }
        if (roles.contains(SignalRole.GOOD_COUNT) || roles.contains(SignalRole.SCRAP_COUNT)) {
            return SignalKind.COUNTER;
        }
        return value != null && value.value() instanceof String ? SignalKind.TEXT : SignalKind.ANALOG;
    }

    /** Nobody chose the trended signals: the first analog values, those with alarm limits first. */
    private static List<SignalDescription> withDefaultPens(List<SignalDescription> signals) {
        List<String> pens = new ArrayList<>();
        signals.stream().filter(s -> s.kind() == SignalKind.ANALOG && !s.has(SignalRole.SPEED) && s.limits().any())
                .forEach(s -> pens.add(s.name()));
        signals.stream().filter(s -> s.kind() == SignalKind.ANALOG).forEach(s -> {
            if (!pens.contains(s.name())) {
                pens.add(s.name());
            }
        });
        List<String> chosen = pens.subList(0, Math.min(DEFAULT_PENS, pens.size()));
        return signals.stream().map(s -> chosen.contains(s.name()) && !s.trend() ? trended(s) : s).toList();
    }

    private static SignalDescription trended(SignalDescription s) {
        return new SignalDescription(s.name(), s.label(), s.unit(), s.units(), s.low(), s.high(), s.decimals(),
                s.kind(), s.roles(), true, s.limits(), s.described());
    }
}
