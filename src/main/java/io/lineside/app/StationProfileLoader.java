package io.lineside.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.lineside.shifts.OeeSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code station:} block of a workstation config into a {@link StationProfile}; the rest of the file is
 * {@link ConfigLoader}'s. The first problem is one {@link ConfigException} naming the file, the key and what was
 * expected.
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

    private final YAMLMapper mapper = YAMLMapper.builder(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** The profile in {@code file}, or empty when it has no {@code station:} block. */
    /** The history settings of the {@code station:} block in {@code file}; the defaults when it has none. */
    HistorySettings history(Path file) throws ConfigException {
        try {
            JsonNode root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return HistorySettings.read(file, root == null ? null : root.get("station"));
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Where shift PDFs are written ({@code station.reportsFolder}, relative to the config file), or empty when the
     * config names none (then {@code <dataDir>/reports}).
     */
    Optional<Path> reportsFolder(Path file) throws ConfigException {
        try {
            JsonNode root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode station = root == null ? null : root.get("station");
            return station == null || station.isNull() ? Optional.empty()
                    : new Block(file, "station.", station).path("reportsFolder");
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot be read: " + e.getMessage());
        }
    }

    public Optional<StationProfile> load(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot be read: " + e.getMessage());
        }
        JsonNode station = root == null ? null : root.get("station");
        if (station == null || station.isNull()) {
            return Optional.empty();
        }
        Block b = new Block(file, "station.", station);
        b.mapping(KEYS);
        String name = b.name("name", b.node.get("name"));
        List<String> areas = List.of();
        List<String> lines = List.of();
        JsonNode show = station.get("show");
        if (show != null) {
            Block s = new Block(file, "station.show.", show);
            s.mapping(SHOW_KEYS);
            areas = s.names("areas");
            lines = s.names("lines");
        }
        Optional<Path> layout = b.path("layout");
        List<StationProfile.Shift> shifts = new ArrayList<>();
        JsonNode list = station.get("shifts");
        if (list != null && !list.isArray()) {
            throw b.error("shifts", "a list of {name, start, end, crew}", describe(list));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            Block s = new Block(file, "station.shifts[" + i + "].", list.get(i));
            s.mapping(SHIFT_KEYS);
            String shiftName = s.name("name", list.get(i).get("name"));
            if (!seen.add(shiftName)) {
                throw s.error("name", "a shift name not used before", "\"" + shiftName + "\" again");
            }
            String crew = list.get(i).has("crew") ? s.name("crew", list.get(i).get("crew")) : "";
            shifts.add(new StationProfile.Shift(shiftName, s.time("start"), s.time("end"), crew));
        }
        int retention = StationProfile.DEFAULT_RETENTION_DAYS;
        JsonNode days = station.get("retentionDays");
        if (days != null) {
            if (!days.isIntegralNumber() || days.asLong() < 1 || days.asLong() > 3650) {
                throw b.error("retentionDays", "a whole number of days from 1 to 3650", describe(days));
            }
            retention = days.asInt();
        }
        ZoneId zone = ZoneId.systemDefault();
        JsonNode zoneNode = station.get("zone");
        if (zoneNode != null) {
            try {
                zone = ZoneId.of(zoneNode.isTextual() ? zoneNode.asText() : "");
            } catch (DateTimeException e) {
                throw b.error("zone", "an IANA time zone such as \"Europe/Berlin\" or \"Asia/Shanghai\"", describe(zoneNode));
            }
        }
        Optional<OeeSettings> oee = station.has("oee") ? Optional.of(oee(file, station.get("oee"))) : Optional.empty();
        io.lineside.shifts.ReasonTree reasons = station.has("downtimeReasons")
                ? ReasonTreeReader.read(file, station.get("downtimeReasons")) : io.lineside.shifts.ReasonTree.DEFAULT;
        return Optional.of(new StationProfile(name, areas, lines, layout, shifts, retention, zone, oee, reasons));
    }

    /** The {@code station.oee} block: see docs/oee.md. */
    private static OeeSettings oee(Path file, JsonNode node) throws ConfigException {
        Block o = new Block(file, "station.oee.", node);
        o.mapping(OEE_KEYS);
        Map<String, Duration> ideal = new LinkedHashMap<>();
        JsonNode cycles = node.get("idealCycleSeconds");
        if (cycles != null) {
            Block c = new Block(file, "station.oee.idealCycleSeconds.", cycles);
            if (!cycles.isObject()) {
                throw o.error("idealCycleSeconds", "a mapping of station name to seconds per part", describe(cycles));
            }
            for (Iterator<String> it = cycles.fieldNames(); it.hasNext(); ) {
                String station = it.next();
                if (!NAME.matcher(station).matches()) {
                    throw c.error(station, "a station name of 1-64 A-Z a-z 0-9 _ -", "\"" + station + "\"");
                }
                JsonNode seconds = cycles.get(station);
                if (!seconds.isNumber() || !(seconds.asDouble() > 0) || seconds.asDouble() > 86_400) {
                    throw c.error(station, "seconds per part, more than 0 and at most 86400", describe(seconds));
                }
                ideal.put(station, Duration.ofNanos(Math.round(seconds.asDouble() * 1e9)));
            }
        }
        JsonNode planned = node.get("idlePlanned");
        if (planned != null && !planned.isBoolean()) {
            throw o.error("idlePlanned", "true or false", describe(planned));
        }
        Duration stale = null; // absent: ShiftSetup derives the one gap rule from the history and stale settings
        JsonNode staleNode = node.get("staleAfterSeconds");
        if (staleNode != null) {
            if (!staleNode.isIntegralNumber() || staleNode.asLong() < 1 || staleNode.asLong() > 86_400) {
                throw o.error("staleAfterSeconds", "a whole number of seconds from 1 to 86400", describe(staleNode));
            }
            stale = Duration.ofSeconds(staleNode.asLong());
        }
        return new OeeSettings(stale, planned != null && planned.asBoolean(), ideal, o.names("flow"));
    }

    private static String describe(JsonNode node) {
        return node == null ? "nothing" : node.isTextual() ? "\"" + node.asText() + "\"" : node.getNodeType().toString().toLowerCase();
    }

    /** One mapping of the file with its dotted key prefix for messages. */
    private record Block(Path file, String prefix, JsonNode node) {

        ConfigException error(String key, String expected, String found) {
            return new ConfigException("config " + file + ": key '" + prefix + key + "': expected " + expected
                    + ", found " + found);
        }

        void mapping(Set<String> allowed) throws ConfigException {
            if (node == null || !node.isObject()) {
                String key = prefix.substring(0, prefix.length() - 1);
                throw new ConfigException("config " + file + ": key '" + key + "': expected a mapping of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ", found " + describe(node));
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw new ConfigException("config " + file + ": unknown key '" + prefix + key + "'; expected one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        String name(String key, JsonNode value) throws ConfigException {
            if (value == null || !value.isTextual() || !NAME.matcher(value.asText()).matches()) {
                throw error(key, "1-64 of A-Z a-z 0-9 _ -", describe(value));
            }
            return value.asText();
        }

        List<String> names(String key) throws ConfigException {
            JsonNode list = node.get(key);
            if (list == null) {
                return List.of();
            }
            if (!list.isArray()) {
                throw error(key, "a list of names", describe(list));
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                names.add(name(key + "[" + i + "]", list.get(i)));
            }
            return names;
        }

        Optional<Path> path(String key) throws ConfigException {
            JsonNode value = node.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw error(key, "a file path", describe(value));
            }
            Path p = Path.of(value.asText());
            Path parent = file.toAbsolutePath().getParent();
            return Optional.of(p.isAbsolute() || parent == null ? p : parent.resolve(p).normalize());
        }

        LocalTime time(String key) throws ConfigException {
            JsonNode value = node.get(key);
            try {
                if (value != null && value.isTextual() && value.asText().matches("\\d{2}:\\d{2}")) {
                    return LocalTime.parse(value.asText());
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw error(key, "a time HH:MM, e.g. \"06:00\"", describe(value));
        }
    }
}
