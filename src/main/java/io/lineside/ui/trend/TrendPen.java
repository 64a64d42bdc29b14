package io.lineside.ui.trend;

import io.lineside.tags.TagPath;
import java.util.Objects;

/**
 * One line of a trend: the tag it draws, a short label for legends and value boxes, and its engineering unit
 * (pens beyond {@link TrendViewModel#MAX_OWN_AXES} share a y-axis by unit).
 */
public record TrendPen(TagPath path, String label, String unit) {

    public TrendPen {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        unit = unit == null ? "" : unit;
    }
}
