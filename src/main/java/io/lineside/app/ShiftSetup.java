package io.lineside.app;

import io.lineside.shifts.GapRule;
import io.lineside.shifts.OeeSettings;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.sim.StationKind;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The shift calendar and OEE settings of this workstation: from its station config, or the demo's defaults. */
final class ShiftSetup {

    /** Three 8-hour shifts from 06:00, for the demo and stations whose config names none. */
    static final List<ShiftDefinition> DEFAULT_SHIFTS = List.of(
            new ShiftDefinition("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "A"),
            new ShiftDefinition("late", LocalTime.of(14, 0), LocalTime.of(22, 0), "B"),
            new ShiftDefinition("night", LocalTime.of(22, 0), LocalTime.of(6, 0), "C"));

    private ShiftSetup() {
    }

    static ShiftCalendar calendar(Optional<StationProfile> station, ZoneId fallbackZone) {
        if (station.isPresent() && !station.get().shifts().isEmpty()) {
            return station.get().calendar();
        }
        return new ShiftCalendar(DEFAULT_SHIFTS, station.map(StationProfile::zone).orElse(fallbackZone));
    }

    /** The station config's {@code oee:} block, else {@link #oee(boolean)}, with the default gap rule. */
    static OeeSettings oee(Optional<StationProfile> station, boolean demo) {
        return oee(station, demo, GapRule.DEFAULT);
    }

    /**
     * The station config's {@code oee:} block, else {@link #oee(boolean)}, with the one gap rule of this station
     * ({@link #gapRule}) unless the block sets {@code staleAfterSeconds} itself.
     */
    static OeeSettings oee(Optional<StationProfile> station, boolean demo, GapRule rule) {
        OeeSettings s = station.flatMap(StationProfile::oee).orElseGet(() -> oee(demo));
        return s.staleAfter() == null || station.flatMap(StationProfile::oee).isEmpty()
                ? s.withStaleAfter(rule.holdFor()) : s;
    }

    /**
     * The gap rule from the config: history's heartbeat row ({@code station.historyMaxIntervalSeconds}) and how long
     * a station's {@code state} may be silent before the watchdog marks it STALE: 3 × the longest
     * {@code expectedPeriod} a mapping gives a {@code state} signal, else {@code staleAfterSeconds}.
     */
    static GapRule gapRule(AppConfig config, HistorySettings history) {
        Duration stale = config.mappings().rules().stream().flatMap(r -> r.signals().stream())
                .filter(s -> s.name().equals("state")).map(s -> s.meta().staleAfter(config.staleAfter()))
                .max(Duration::compareTo).orElse(config.staleAfter());
        return new GapRule(history.maxInterval(), stale);
    }

    /**
     * The demo knows its stations' ideal cycles and flow order from the simulator; a plant without an {@code oee:}
     * block has no ideal cycles (performance shows n/a) and its output station is found from the counts
     * (see docs/oee.md).
     */
    static OeeSettings oee(boolean demo) {
        if (!demo) {
            return new OeeSettings(OeeSettings.DEFAULT_STALE_AFTER, false, java.util.Map.of(), List.of());
        }
        return new OeeSettings(OeeSettings.DEFAULT_STALE_AFTER, false,
                StationKind.DEMO_LINE.stream().collect(Collectors.toMap(StationKind::name,
                        k -> Duration.ofMillis(Math.round(k.cycleSeconds() * 1000)))),
                StationKind.DEMO_LINE.stream().map(StationKind::name).toList());
    }
}
