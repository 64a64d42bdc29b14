package io.lineside.layout;

import java.util.List;

/** An ISA-95 area and its lines. */
public record LayoutArea(String id, Labels label, List<LayoutLine> lines) {

    public LayoutArea {
        lines = List.copyOf(lines);
    }
}
