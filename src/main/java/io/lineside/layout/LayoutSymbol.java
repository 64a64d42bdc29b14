package io.lineside.layout;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.util.Optional;

/**
 * One symbol on the plan.
 *
 * @param id      unique within the layout
 * @param kind    from the allow-list
 * @param station the station whose tag it shows
 * @param box     where it is drawn, in plan units (absolute; the file gives it relative to its station)
 * @param signal  the station's signal it shows ({@code state}, {@code temperature}), or empty for a plain drawing
 * @param range   the scale, for bars, tanks and buffers (and optional limits for values)
 * @param unit    shown after a number, or empty
 * @param label   a caption, or {@link Labels#NONE}
 */
public record LayoutSymbol(String id, SymbolKind kind, StationId station, Box box, Optional<String> signal,
                           Optional<ValueRange> range, String unit, Labels label) {

    /** The tag this symbol is bound to, if any. */
    public Optional<TagPath> tag() {
        return signal.map(station::signal);
    }
}
