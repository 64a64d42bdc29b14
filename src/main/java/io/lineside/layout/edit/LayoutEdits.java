package io.lineside.layout.edit;

import io.lineside.layout.Box;
import io.lineside.layout.Labels;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutArea;
import io.lineside.layout.LayoutConnection;
import io.lineside.layout.LayoutLine;
import io.lineside.layout.LayoutStation;
import io.lineside.layout.LayoutSymbol;
import io.lineside.layout.SymbolKind;
import io.lineside.layout.ValueRange;
import io.lineside.tags.StationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The edits an engineer makes to a layout, each a pure function from one immutable {@link Layout} to the next (so
 * undo is keeping the previous one). Edits do not validate: the loader's own rules do, on the result.
 */
public final class LayoutEdits {

    private LayoutEdits() {
    }

    /** An empty layout of {@code from}'s site and plan, with its first area and line (no stations yet). */
    public static Layout empty(Layout from) {
        List<LayoutArea> areas = new ArrayList<>();
        if (!from.areas().isEmpty()) {
            LayoutArea a = from.areas().getFirst();
            List<LayoutLine> lines = a.lines().isEmpty() ? List.of()
                    : List.of(new LayoutLine(a.id(), a.lines().getFirst().id(), a.lines().getFirst().label(), List.of()));
            areas.add(new LayoutArea(a.id(), a.label(), lines));
        }
        return new Layout(from.name(), from.names(), from.source(), from.site(), from.width(), from.height(), areas,
                List.of());
    }

    public static LayoutStation station(Layout layout, ElementRef ref) {
        return layout.areas().get(ref.area()).lines().get(ref.line()).stations().get(ref.station());
    }

    public static LayoutSymbol symbol(Layout layout, ElementRef ref) {
        return station(layout, ref).symbols().get(ref.symbol());
    }

    /** The element's box on the plan. */
    public static Box box(Layout layout, ElementRef ref) {
        return ref.isSymbol() ? symbol(layout, ref).box() : station(layout, ref).box();
    }

    /** Adds a station with its body symbol (kind station, filling it) to the line at {@code area, line}. */
    public static Layout addStation(Layout layout, int area, int line, String id, Box box) {
        LayoutLine l = layout.areas().get(area).lines().get(line);
        StationId sid = new StationId(layout.site(), l.area(), l.id(), id);
        LayoutSymbol body = new LayoutSymbol(freeSymbolId(layout, id), SymbolKind.STATION, sid, box, Optional.empty(),
                Optional.empty(), "", Labels.NONE);
        List<LayoutStation> stations = new ArrayList<>(l.stations());
        stations.add(new LayoutStation(sid, box, Labels.NONE, List.of(body)));
        return withLine(layout, area, line, new LayoutLine(l.area(), l.id(), l.label(), stations));
    }

    /** Adds a symbol of {@code kind} at {@code box} (plan units) to the station {@code ref}. */
    public static Layout addSymbol(Layout layout, ElementRef ref, SymbolKind kind, String id, Box box, Labels label) {
        return withStation(layout, ref, s -> {
            List<LayoutSymbol> symbols = new ArrayList<>(s.symbols());
            symbols.add(new LayoutSymbol(id, kind, s.id(), box, Optional.empty(), Optional.empty(), "", label));
            return new LayoutStation(s.id(), s.box(), s.label(), symbols);
        });
    }

    /** Moves a station (with its symbols) or one symbol by {@code dx, dy}. */
    public static Layout move(Layout layout, ElementRef ref, double dx, double dy) {
        if (ref.isSymbol()) {
            return withSymbol(layout, ref, y -> withBox(y, y.box().offset(dx, dy)));
        }
        return withStation(layout, ref, s -> new LayoutStation(s.id(), s.box().offset(dx, dy), s.label(),
                s.symbols().stream().map(y -> withBox(y, y.box().offset(dx, dy))).toList()));
    }

    /** Gives a station or symbol a new size; a station's body symbols (those filling it) follow. */
    public static Layout resize(Layout layout, ElementRef ref, double width, double height) {
        if (ref.isSymbol()) {
            return withSymbol(layout, ref, y -> withBox(y, new Box(y.box().x(), y.box().y(), width, height)));
        }
        return withStation(layout, ref, s -> {
            Box now = new Box(s.box().x(), s.box().y(), width, height);
            return new LayoutStation(s.id(), now, s.label(), s.symbols().stream()
                    .map(y -> y.box().equals(s.box()) ? withBox(y, now) : y).toList());
        });
    }

    /** Aligns the left edges of {@code refs} to the first one's. */
    public static Layout alignLeft(Layout layout, List<ElementRef> refs) {
        double x = box(layout, refs.getFirst()).x();
        Layout out = layout;
        for (ElementRef ref : refs.subList(1, refs.size())) {
            out = move(out, ref, x - box(out, ref).x(), 0);
        }
        return out;
    }

    /** Aligns the top edges of {@code refs} to the first one's. */
    public static Layout alignTop(Layout layout, List<ElementRef> refs) {
        double y = box(layout, refs.getFirst()).y();
        Layout out = layout;
        for (ElementRef ref : refs.subList(1, refs.size())) {
            out = move(out, ref, 0, y - box(out, ref).y());
        }
        return out;
    }

    /** Deletes a station (with its symbols) or a symbol, and the connections that ended at what was deleted. */
    public static Layout delete(Layout layout, ElementRef ref) {
        Set<String> gone;
        Layout out;
        if (ref.isSymbol()) {
            gone = Set.of(symbol(layout, ref).id());
            out = withStation(layout, ref, s -> {
                List<LayoutSymbol> symbols = new ArrayList<>(s.symbols());
                symbols.remove(ref.symbol());
                return new LayoutStation(s.id(), s.box(), s.label(), symbols);
            });
        } else {
            LayoutStation s = station(layout, ref);
            gone = s.symbols().stream().map(LayoutSymbol::id).collect(Collectors.toSet());
            LayoutLine l = layout.areas().get(ref.area()).lines().get(ref.line());
            List<LayoutStation> stations = new ArrayList<>(l.stations());
            stations.remove(ref.station());
            out = withLine(layout, ref.area(), ref.line(), new LayoutLine(l.area(), l.id(), l.label(), stations));
            out = withConnections(out, out.connections().stream()
                    .filter(c -> c.running().map(t -> !t.stationId().equals(s.id())).orElse(true)).toList());
        }
        return withConnections(out, out.connections().stream()
                .filter(c -> !gone.contains(c.from()) && !gone.contains(c.to())).toList());
    }

    /** Binds a symbol to its station's {@code signal}, or unbinds it (empty). */
    public static Layout bind(Layout layout, ElementRef ref, Optional<String> signal) {
        return withSymbol(layout, ref, y -> new LayoutSymbol(y.id(), y.kind(), y.station(), y.box(), signal, y.range(),
                y.unit(), y.label()));
    }

    /** Sets a symbol's scale (a bound bar, tank or buffer needs one). */
    public static Layout range(Layout layout, ElementRef ref, Optional<ValueRange> range) {
        return withSymbol(layout, ref, y -> new LayoutSymbol(y.id(), y.kind(), y.station(), y.box(), y.signal(), range,
                y.unit(), y.label()));
    }

    /** Sets the label of a station or symbol. */
    public static Layout label(Layout layout, ElementRef ref, Labels label) {
        if (ref.isSymbol()) {
            return withSymbol(layout, ref, y -> new LayoutSymbol(y.id(), y.kind(), y.station(), y.box(), y.signal(),
                    y.range(), y.unit(), label));
        }
        return withStation(layout, ref, s -> new LayoutStation(s.id(), s.box(), label, s.symbols()));
    }

    /** Renames a station (its symbols follow) or a symbol (connections follow). */
    public static Layout rename(Layout layout, ElementRef ref, String id) {
        if (ref.isSymbol()) {
            String old = symbol(layout, ref).id();
            Layout out = withSymbol(layout, ref, y -> new LayoutSymbol(id, y.kind(), y.station(), y.box(), y.signal(),
                    y.range(), y.unit(), y.label()));
            return withConnections(out, out.connections().stream().map(c -> new LayoutConnection(
                    c.from().equals(old) ? id : c.from(), c.to().equals(old) ? id : c.to(), c.kind(), c.running()))
                    .toList());
        }
        return withStation(layout, ref, s -> {
            StationId sid = new StationId(s.id().site(), s.id().area(), s.id().line(), id);
            return new LayoutStation(sid, s.box(), s.label(), s.symbols().stream().map(y -> new LayoutSymbol(y.id(),
                    y.kind(), sid, y.box(), y.signal(), y.range(), y.unit(), y.label())).toList());
        });
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... whichever no symbol uses yet. */
    public static String freeSymbolId(Layout layout, String base) {
        Set<String> used = layout.symbols().map(LayoutSymbol::id).collect(Collectors.toSet());
        String id = base;
        for (int n = 2; used.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** {@code base-1}, {@code base-2}... whichever no station uses yet. */
    public static String freeStationId(Layout layout, String base) {
        Set<String> used = layout.stations().map(s -> s.id().station()).collect(Collectors.toSet());
        int n = 1;
        while (used.contains(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
    }

    private static LayoutSymbol withBox(LayoutSymbol y, Box box) {
        return new LayoutSymbol(y.id(), y.kind(), y.station(), box, y.signal(), y.range(), y.unit(), y.label());
    }

    private static Layout withSymbol(Layout layout, ElementRef ref, UnaryOperator<LayoutSymbol> change) {
        return withStation(layout, ref, s -> {
            List<LayoutSymbol> symbols = new ArrayList<>(s.symbols());
            symbols.set(ref.symbol(), change.apply(symbols.get(ref.symbol())));
            return new LayoutStation(s.id(), s.box(), s.label(), symbols);
        });
    }

    private static Layout withStation(Layout layout, ElementRef ref, UnaryOperator<LayoutStation> change) {
        LayoutLine l = layout.areas().get(ref.area()).lines().get(ref.line());
        List<LayoutStation> stations = new ArrayList<>(l.stations());
        stations.set(ref.station(), change.apply(stations.get(ref.station())));
        return withLine(layout, ref.area(), ref.line(), new LayoutLine(l.area(), l.id(), l.label(), stations));
    }

    private static Layout withLine(Layout layout, int area, int line, LayoutLine changed) {
        LayoutArea a = layout.areas().get(area);
        List<LayoutLine> lines = new ArrayList<>(a.lines());
        lines.set(line, changed);
        List<LayoutArea> areas = new ArrayList<>(layout.areas());
        areas.set(area, new LayoutArea(a.id(), a.label(), lines));
        return new Layout(layout.name(), layout.names(), layout.source(), layout.site(), layout.width(),
                layout.height(), areas, layout.connections());
    }

    private static Layout withConnections(Layout layout, List<LayoutConnection> connections) {
        return new Layout(layout.name(), layout.names(), layout.source(), layout.site(), layout.width(),
                layout.height(), layout.areas(), connections);
    }
}
