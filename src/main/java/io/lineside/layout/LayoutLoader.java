package io.lineside.layout;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigSource;
import io.lineside.config.ConfigTree;
import io.lineside.tags.StationId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a workshop layout (YAML, or JSON) all or nothing: the first problem is one {@link ConfigException} naming
 * the file, the line and what is wrong. The format is documented in docs/layouts.md and docs/layout.schema.json.
 *
 * <p>Files over {@link #MAX_FILE_BYTES} are refused before parsing; parsing is the one config reader's ({@link ConfigTree}: no data
 * binding, no YAML tags), so a file can only name allow-listed {@link SymbolKind}s. Stateless; safe from any thread.
 */
public final class LayoutLoader {

    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    public static final int MAX_STATIONS = 2_000;
    public static final int MAX_SYMBOLS = 20_000;
    static final int MAX_PER_LIST = MAX_SYMBOLS;
    static final double MAX_PLAN = 100_000;
    static final int FORMAT = 1;
    static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String SEGMENT_TEXT = "1-64 of A-Z a-z 0-9 _ -";
    private static final Pattern SYMBOL_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> TOP_KEYS = Set.of("layout", "name", "site", "plan", "areas", "connections");
    private static final Set<String> AREA_KEYS = Set.of("id", "label", "lines");
    private static final Set<String> LINE_KEYS = Set.of("id", "label", "stations");
    private static final Set<String> STATION_KEYS = Set.of("id", "label", "at", "size", "symbols");
    private static final String DEMO = "/io/lineside/layouts/demo.yaml";

    /** Loads and validates {@code file}. Blocking file I/O: not on the FX thread. */
    public Layout load(Path file) throws ConfigException {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw ConfigException.whole(Fields.KIND, source, "the file has " + size + " bytes; a layout may have at most "
                        + MAX_FILE_BYTES + " (2 MiB)");
            }
            return parse(source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw ConfigException.whole(Fields.KIND, source, "file not found");
        } catch (IOException e) {
            throw ConfigException.whole(Fields.KIND, source, "cannot be read: " + e.getMessage());
        }
    }

    /** The demo plant's layout shipped with the app (the simulator's 3 lines × 6 stations). */
    public Layout loadDemo() throws ConfigException {
        try (InputStream in = LayoutLoader.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                throw ConfigException.whole(Fields.KIND, "demo.yaml", "missing from the application");
            }
            return parse("demo.yaml", new String(in.readNBytes((int) MAX_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConfigException.whole(Fields.KIND, "demo.yaml", "cannot be read: " + e.getMessage());
        }
    }

    /** Parses and validates layout text; {@code source} names it in messages. */
    public Layout parse(String source, String text) throws ConfigException {
        if (text.length() > MAX_FILE_BYTES) {
            throw ConfigException.whole(Fields.KIND, source, "the text is longer than " + MAX_FILE_BYTES + " characters");
        }
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            throw new ConfigException(Fields.KIND, source, 1, "", "this looks like XML or FXML; a layout is YAML (or JSON) data");
        }
        ConfigNode root = ConfigTree.parse(new ConfigSource(Fields.KIND, source, null), "", text);
        Fields top = Fields.of(source, "layout", root);
        top.onlyKeys(TOP_KEYS);
        double format = top.number("layout", 1, 1e9).orElseThrow(() -> top.missing("layout", "the format version 1"));
        if (format != FORMAT) {
            throw top.error("layout", "the format version " + FORMAT, top.get("layout").orElseThrow());
        }
        Labels names = Symbols.labels(top, "name");
        String name = names.in("en").orElse(source);
        String site = top.id("site", SEGMENT, "an ISA-95 site name of " + SEGMENT_TEXT);
        Fields plan = top.object("plan").orElseThrow(() -> top.missing("plan", "a mapping with width and height"));
        plan.onlyKeys(Set.of("width", "height"));
        double width = plan.number("width", 1, MAX_PLAN).orElseThrow(() -> plan.missing("width", "a number"));
        double height = plan.number("height", 1, MAX_PLAN).orElseThrow(() -> plan.missing("height", "a number"));
        Context cx = new Context(source, site, width, height);
        List<LayoutArea> areas = new ArrayList<>();
        List<ConfigNode> areaNodes = top.list("areas", true, 100, "areas");
        for (int i = 0; i < areaNodes.size(); i++) {
            areas.add(area(cx, "areas[" + i + "]", areaNodes.get(i)));
        }
        List<LayoutConnection> connections = Connections.read(cx, top);
        return new Layout(name, names, source, site, width, height, areas, connections);
    }

    private LayoutArea area(Context cx, String where, ConfigNode node) throws ConfigException {
        Fields f = Fields.of(cx.source, where, node);
        f.onlyKeys(AREA_KEYS);
        String id = f.id("id", SEGMENT, "an ISA-95 area name of " + SEGMENT_TEXT);
        f = new Fields(cx.source, where + " (area '" + id + "')", node);
        List<LayoutLine> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<ConfigNode> lineNodes = f.list("lines", true, 1_000, "lines");
        for (int i = 0; i < lineNodes.size(); i++) {
            LayoutLine line = line(cx, id, where + ".lines[" + i + "]", lineNodes.get(i));
            Integer earlier = seen.putIfAbsent(line.id(), i);
            if (earlier != null) {
                throw f.error(lineNodes.get(i), "duplicate line id '" + line.id() + "', already used by lines[" + earlier + "]");
            }
            lines.add(line);
        }
        return new LayoutArea(id, Symbols.labels(f), lines);
    }

    private LayoutLine line(Context cx, String area, String where, ConfigNode node) throws ConfigException {
        Fields f = Fields.of(cx.source, where, node);
        f.onlyKeys(LINE_KEYS);
        String id = f.id("id", SEGMENT, "an ISA-95 line name of " + SEGMENT_TEXT);
        f = new Fields(cx.source, where + " (line '" + id + "')", node);
        List<LayoutStation> stations = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<ConfigNode> stationNodes = f.list("stations", true, MAX_STATIONS, "stations");
        for (int i = 0; i < stationNodes.size(); i++) {
            LayoutStation station = station(cx, new StationId(cx.site, area, id, "x"), where + ".stations[" + i + "]",
                    stationNodes.get(i));
            Integer earlier = seen.putIfAbsent(station.id().station(), i);
            if (earlier != null) {
                throw f.error(stationNodes.get(i), "duplicate station id '" + station.id().station()
                        + "', already used by stations[" + earlier + "]");
            }
            stations.add(station);
        }
        return new LayoutLine(area, id, Symbols.labels(f), stations);
    }

    private LayoutStation station(Context cx, StationId lineOf, String where, ConfigNode node) throws ConfigException {
        Fields f = Fields.of(cx.source, where, node);
        f.onlyKeys(STATION_KEYS);
        String id = f.id("id", SEGMENT, "an ISA-95 station name of " + SEGMENT_TEXT);
        f = new Fields(cx.source, where + " (station '" + id + "')", node);
        if (++cx.stations > MAX_STATIONS) {
            throw f.error(node, "more than " + MAX_STATIONS + " stations in one layout");
        }
        StationId station = new StationId(lineOf.site(), lineOf.area(), lineOf.line(), id);
        Box box = cx.box(f, 0, 0);
        cx.stationIds.add(station);
        List<LayoutSymbol> symbols = new ArrayList<>();
        List<ConfigNode> symbolNodes = f.list("symbols", false, MAX_PER_LIST, "symbols");
        for (int i = 0; i < symbolNodes.size(); i++) {
            symbols.add(Symbols.read(cx, station, box, where + ".symbols[" + i + "]", symbolNodes.get(i)));
        }
        return new LayoutStation(station, box, Symbols.labels(f), symbols);
    }
}
