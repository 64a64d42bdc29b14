package io.lineside.layout;

import java.util.List;

/** A production line (ISA-95 work centre) and its stations in flow order. */
public record LayoutLine(String area, String id, Labels label, List<LayoutStation> stations) {

    public LayoutLine {
        stations = List.copyOf(stations);
    }
}
