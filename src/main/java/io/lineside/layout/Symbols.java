package io.lineside.layout;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.tags.StationId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one symbol (and labels) of a layout file against the allow-list. */
final class Symbols {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Set<String> KEYS = Set.of("id", "kind", "tag", "at", "size", "range", "unit", "label");
    private static final Set<String> RANGE_KEYS = Set.of("min", "max", "low", "high");
    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN");
    /** Kinds that show a value and are meaningless without a tag. */
    private static final Set<SymbolKind> NEED_TAG = EnumSet.of(SymbolKind.VALUE, SymbolKind.LAMP, SymbolKind.BAR,
            SymbolKind.SPARKLINE);
    /** Kinds that can use a range (a scale, or limits for a readout). */
    private static final Set<SymbolKind> TAKE_RANGE = EnumSet.of(SymbolKind.BUFFER, SymbolKind.TANK, SymbolKind.VALUE,
            SymbolKind.BAR, SymbolKind.SPARKLINE);

    private Symbols() {
    }

    static LayoutSymbol read(Context cx, StationId station, Box stationBox, String where, ConfigNode node)
            throws ConfigException {
        Fields f = Fields.of(cx.source, where, node);
        f.onlyKeys(KEYS);
        String id = f.id("id", ID, "a symbol id of 1-64 A-Z a-z 0-9 _ . -");
        f = new Fields(cx.source, where + " (symbol '" + id + "')", node);
        if (++cx.symbols > LayoutLoader.MAX_SYMBOLS) {
            throw f.error(node, "more than " + LayoutLoader.MAX_SYMBOLS + " symbols in one layout");
        }
        String earlier = cx.symbolIds.putIfAbsent(id, where);
        if (earlier != null) {
            throw f.error(f.get("id").orElseThrow(), "duplicate symbol id '" + id + "', already used by " + earlier);
        }
        SymbolKind kind = kind(f);
        Optional<String> signal = Optional.empty();
        Optional<ConfigNode> tag = f.get("tag");
        if (tag.isPresent()) {
            signal = Optional.of(f.id("tag", LayoutLoader.SEGMENT,
                    "the station's signal name (1-64 of A-Z a-z 0-9 _ -), e.g. temperature"));
        } else if (NEED_TAG.contains(kind)) {
            throw f.missing("tag", "the signal a " + kind.id() + " shows, e.g. temperature");
        }
        Optional<ValueRange> range = range(f, kind, signal.isPresent());
        String unit = f.text("unit", 16).orElse("");
        Box box = cx.box(f, stationBox.x(), stationBox.y());
        return new LayoutSymbol(id, kind, station, box, signal, range, unit, labels(f));
    }

    private static SymbolKind kind(Fields f) throws ConfigException {
        ConfigNode v = f.get("kind").orElseThrow(() -> f.missing("kind", "one of " + SymbolKind.allowed()));
        Optional<SymbolKind> kind = v.isText() ? SymbolKind.fromId(v.text()) : Optional.empty();
        if (kind.isPresent()) {
            return kind.get();
        }
        String hint = v.isText() && Fields.looksLikeCode(v.text())
                ? " (a layout names symbol kinds, never Java classes or FXML)" : "";
        throw f.error("kind", "one of " + SymbolKind.allowed() + hint, v);
    }

    private static Optional<ValueRange> range(Fields f, SymbolKind kind, boolean bound) throws ConfigException {
        Optional<Fields> r = f.object("range");
        if (r.isEmpty()) {
            if (kind.needsRange() && bound) {
                throw f.missing("range", "a mapping with min and max (a " + kind.id() + " is drawn to scale)");
            }
            return Optional.empty();
        }
        if (!TAKE_RANGE.contains(kind)) {
            throw f.error(f.get("range").orElseThrow(), "key 'range': a " + kind.id() + " has no scale");
        }
        Fields range = r.get();
        range.onlyKeys(RANGE_KEYS);
        double min = range.number("min", -1e12, 1e12).orElseThrow(() -> range.missing("min", "a number"));
        double max = range.number("max", -1e12, 1e12).orElseThrow(() -> range.missing("max", "a number"));
        if (!(max > min)) {
            throw range.error("max", "a number greater than min " + min, range.get("max").orElseThrow());
        }
        OptionalDouble low = optional(range.number("low", -1e12, 1e12));
        OptionalDouble high = optional(range.number("high", -1e12, 1e12));
        return Optional.of(new ValueRange(min, max, low, high));
    }

    /** The optional {@code label}: a string (English) or a mapping of en / zh-CN. */
    static Labels labels(Fields f) throws ConfigException {
        return labels(f, "label");
    }

    /** The optional text at {@code key}: a string (English) or a mapping of en / zh-CN. */
    static Labels labels(Fields f, String key) throws ConfigException {
        Optional<ConfigNode> v = f.get(key);
        if (v.isEmpty()) {
            return Labels.NONE;
        }
        if (v.get().isText()) {
            return new Labels(Map.of("en", f.text(key, 200).orElseThrow()));
        }
        Fields texts = f.object(key).orElseThrow();
        texts.onlyKeys(LANGUAGES);
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            texts.text(language, 200).ifPresent(t -> out.put(language, t));
        }
        if (!out.containsKey("en")) {
            throw texts.missing("en", "the English text (zh-CN is optional)");
        }
        return new Labels(out);
    }

    private static OptionalDouble optional(Optional<Double> d) {
        return d.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
