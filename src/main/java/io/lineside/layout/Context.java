package io.lineside.layout;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.tags.StationId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What one load has seen so far: the plan, the ids in use and the counts against the caps. One load only. */
final class Context {

    final String source;
    final String site;
    final double width;
    final double height;
    final Set<StationId> stationIds = new HashSet<>();
    /** Symbol id to the place it was declared, for duplicate messages. */
    final Map<String, String> symbolIds = new HashMap<>();
    int stations;
    int symbols;

    Context(String source, String site, double width, double height) {
        this.source = source;
        this.site = site;
        this.width = width;
        this.height = height;
    }

    /** The box at {@code at}/{@code size} (offset by the parent's origin), which must lie on the plan. */
    Box box(Fields f, double originX, double originY) throws ConfigException {
        double[] at = f.pair("at", "[x, y] in plan units", -LayoutLoader.MAX_PLAN, LayoutLoader.MAX_PLAN);
        double[] size = f.pair("size", "[width, height] of positive numbers", 0.001, LayoutLoader.MAX_PLAN);
        Box box = new Box(originX + at[0], originY + at[1], size[0], size[1]);
        if (box.x() < 0 || box.y() < 0 || box.maxX() > width || box.maxY() > height) {
            throw f.error(f.get("at").orElseThrow(), "the box from (" + num(box.x()) + ", " + num(box.y()) + ") to ("
                    + num(box.maxX()) + ", " + num(box.maxY()) + ") lies outside the plan (0, 0) to (" + num(width)
                    + ", " + num(height) + ")");
        }
        return box;
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
