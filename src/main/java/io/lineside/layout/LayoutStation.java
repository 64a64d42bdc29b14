package io.lineside.layout;

import io.lineside.tags.StationId;
import java.util.List;

/**
 * A station (ISA-95 work unit) on the plan, with the symbols drawn for it.
 *
 * @param id      its full ISA-95 address
 * @param box     its area on the plan, in plan units
 * @param label   its display name, or {@link Labels#NONE} for the station id
 * @param symbols in drawing order
 */
public record LayoutStation(StationId id, Box box, Labels label, List<LayoutSymbol> symbols) {

    public LayoutStation {
        symbols = List.copyOf(symbols);
    }
}
