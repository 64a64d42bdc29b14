package io.lineside.ui.nav;

import io.lineside.tags.StationId;
import java.util.Objects;

/** One production line's address: site / area / line. Immutable, safe from any thread. */
public record LineId(String site, String area, String line) {

    public LineId {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(line, "line");
    }

    /** The line a station stands on. */
    public static LineId of(StationId station) {
        return new LineId(station.site(), station.area(), station.line());
    }

    /** True if {@code station} stands on this line. */
    public boolean contains(StationId station) {
        return site.equals(station.site()) && area.equals(station.area()) && line.equals(station.line());
    }

    /** "assembly / line-1": what the operator reads. */
    public String displayName() {
        return area + " / " + line;
    }

    @Override
    public String toString() {
        return site + '/' + area + '/' + line;
    }
}
