package io.lineside.layout;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A validated workshop layout: one site's areas, lines and stations on a floor plan, the symbols drawn for them and
 * the connections between symbols. Immutable; safe from any thread. Build it with {@link LayoutLoader}.
 *
 * @param name        the English display name ("Demo assembly hall"), or the source when the file gives none
 * @param names       the display name in the UI languages, or {@link Labels#NONE}
 * @param source      where it was loaded from, for messages
 * @param site        the ISA-95 site all tags belong to
 * @param width       the plan's width in plan units
 * @param height      the plan's height in plan units
 * @param areas       in file order
 * @param connections in file order
 */
public record Layout(String name, Labels names, String source, String site, double width, double height, List<LayoutArea> areas,
                     List<LayoutConnection> connections) {

    public Layout {
        areas = List.copyOf(areas);
        connections = List.copyOf(connections);
    }

    /** The display name in {@code languageTag} ({@code zh-CN}), else English. */
    public String name(String languageTag) {
        return names.in(languageTag).orElse(name);
    }

    /** Every station, area by area and line by line. */
    public Stream<LayoutStation> stations() {
        return areas.stream().flatMap(a -> a.lines().stream()).flatMap(l -> l.stations().stream());
    }

    /** Every symbol, in drawing order. */
    public Stream<LayoutSymbol> symbols() {
        return stations().flatMap(s -> s.symbols().stream());
    }

    /** The symbols by id. */
    public Map<String, LayoutSymbol> symbolsById() {
        return symbols().collect(Collectors.toMap(LayoutSymbol::id, Function.identity()));
    }
}
