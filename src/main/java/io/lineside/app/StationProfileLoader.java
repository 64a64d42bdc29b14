package io.lineside.app;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigTree;
import io.lineside.shifts.OeeSettings;
import io.lineside.shifts.ReasonTree;
import io.lineside.shifts.ReasonTreeReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code station:} block of a workstation config into a {@link StationProfile}; the rest of the file is
 * {@link ConfigLoader}'s. The first problem is one {@link ConfigException} naming the file, the line, the key and
 * what was expected.
 */
public final class StationProfileLoader {

    private static final Set<String> KEYS = Set.of("name", "show", "layout", "shifts", "retentionDays", "zone", "oee",
            "maxHistoryMb", "historyDeadband", "historyMaxIntervalSeconds", // these three: HistorySettings
            "reportsFolder", // reportsFolder: see reportsFolder(Path)
            "downtimeReasons"); // see ReasonTreeReader
    private static final Set<String> OEE_KEYS = Set.of("idealCycleSeconds", "flow", "idlePlanned", "staleAfterSeconds");
    private static final Set<String> SHOW_KEYS = Set.of("areas", "lines");
    private static final Set<String> SHIFT_KEYS = Set.of("name", "start", "end", "crew");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The history settings of the {@code station:} block in {@code file}; the defaults when it has none. */
    HistorySettings history(Path file) throws ConfigException {
        return HistorySettings.read(ConfigTree.read("config", file).get("station"));
    }

    /**
     * Where shift PDFs are written ({@code station.reportsFolder}, relative to the config file), or empty when the
     * config names none (then {@code <dataDir>/reports}).
     */
    Optional<Path> reportsFolder(Path file) throws ConfigException {
        return reportsFolder(ConfigTree.read("config", file).get("station"));
    }

    static Optional<Path> reportsFolder(ConfigNode station) throws ConfigException {
        return station.get("reportsFolder").optionalPath();
    }

    /** The profile in {@code file}, or empty when it has no {@code station:} block. */
    public Optional<StationProfile> load(Path file) throws ConfigException {
        return read(ConfigTree.read("config", file).get("station"));
    }

    /** The profile of the {@code station} node, or empty when the file has none. */
    static Optional<StationProfile> read(ConfigNode station) throws ConfigException {
        if (station.isEmpty()) {
            return Optional.empty();
        }
        station.mapping(KEYS);
        String name = name(station.get("name"));
        List<String> areas = List.of();
        List<String> lines = List.of();
        ConfigNode show = station.get("show");
        if (!show.isAbsent()) {
            show.mapping(SHOW_KEYS);
            areas = names(show.get("areas"));
            lines = names(show.get("lines"));
        }
        Optional<Path> layout = station.get("layout").optionalPath();
        List<StationProfile.Shift> shifts = new ArrayList<>();
        ConfigNode list = station.get("shifts");
        if (!list.isAbsent() && !list.isList()) {
            throw list.error("a list of {name, start, end, crew}");
        }
        Set<String> seen = new HashSet<>();
        for (ConfigNode s : list.items()) {
            s.mapping(SHIFT_KEYS);
            String shiftName = name(s.get("name"));
            if (!seen.add(shiftName)) {
                throw s.get("name").error("a shift name not used before", "\"" + shiftName + "\" again");
            }
            String crew = s.has("crew") ? name(s.get("crew")) : "";
            shifts.add(new StationProfile.Shift(shiftName, time(s.get("start")), time(s.get("end")), crew));
        }
        int retention = station.get("retentionDays").optionalInt(1, 3650, "a whole number of days from 1 to 3650")
                .orElse(StationProfile.DEFAULT_RETENTION_DAYS);
        ZoneId zone = ZoneId.systemDefault();
        ConfigNode zoneNode = station.get("zone");
        if (!zoneNode.isAbsent()) {
            try {
                zone = ZoneId.of(zoneNode.isText() ? zoneNode.text() : "");
            } catch (DateTimeException e) {
                throw zoneNode.error("an IANA time zone such as \"Europe/Berlin\" or \"Asia/Shanghai\"");
            }
        }
        Optional<OeeSettings> oee = station.has("oee") ? Optional.of(oee(station.get("oee"))) : Optional.empty();
        ReasonTree reasons = station.has("downtimeReasons")
                ? ReasonTreeReader.read(station.get("downtimeReasons")) : ReasonTree.DEFAULT;
        return Optional.of(new StationProfile(name, areas, lines, layout, shifts, retention, zone, oee, reasons));
    }

    /** The {@code station.oee} block: see docs/oee.md. */
    private static OeeSettings oee(ConfigNode node) throws ConfigException {
        node.mapping(OEE_KEYS);
        Map<String, Duration> ideal = new LinkedHashMap<>();
        ConfigNode cycles = node.get("idealCycleSeconds");
        if (!cycles.isAbsent()) {
            if (!cycles.isMapping()) {
                throw cycles.error("a mapping of station name to seconds per part");
            }
            for (Map.Entry<String, ConfigNode> e : cycles.fields().entrySet()) {
                ConfigNode seconds = e.getValue();
                if (!NAME.matcher(e.getKey()).matches()) {
                    throw seconds.error("a station name of 1-64 A-Z a-z 0-9 _ -", "\"" + e.getKey() + "\"");
                }
                if (!seconds.isNumber() || !(seconds.doubleValue() > 0) || seconds.doubleValue() > 86_400) {
                    throw seconds.error("seconds per part, more than 0 and at most 86400");
                }
                ideal.put(e.getKey(), Duration.ofNanos(Math.round(seconds.doubleValue() * 1e9)));
            }
        }
        ConfigNode planned = node.get("idlePlanned");
        if (!planned.isAbsent() && !planned.isBoolean()) {
            throw planned.error("true or false");
        }
        // absent: ShiftSetup derives the one gap rule from the history and stale settings
        Duration stale = node.get("staleAfterSeconds").optionalInt(1, 86_400, "a whole number of seconds from 1 to 86400")
                .map(Duration::ofSeconds).orElse(null);
        return new OeeSettings(stale, planned.booleanValue(), ideal, names(node.get("flow")));
    }

    private static String name(ConfigNode value) throws ConfigException {
        if (!value.isText() || !NAME.matcher(value.text()).matches()) {
            throw value.error("1-64 of A-Z a-z 0-9 _ -");
        }
        return value.text();
    }

    private static List<String> names(ConfigNode list) throws ConfigException {
        if (list.isAbsent()) {
            return List.of();
        }
        if (!list.isList()) {
            throw list.error("a list of names");
        }
        List<String> names = new ArrayList<>();
        for (ConfigNode item : list.items()) {
            names.add(name(item));
        }
        return names;
    }

    private static LocalTime time(ConfigNode value) throws ConfigException {
        try {
            if (value.isText() && value.text().matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(value.text());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw value.error("a time HH:MM, e.g. \"06:00\"");
    }
}
