package io.lineside.ui.nav;

import io.lineside.tags.StationId;
import java.util.Objects;

/**
 * Where the operator is in the display hierarchy. Immutable, safe from any thread.
 *
 * @param line    the line shown (LINE) or the line of the station (STATION, DIAGNOSTICS); null on PLANT
 * @param station the station shown (STATION, DIAGNOSTICS); null above
 */
public record Place(Level level, LineId line, StationId station) {

    /** ISA-101 display levels: plant overview, line (unit) view, station faceplate, diagnostics. */
    public enum Level { PLANT, LINE, STATION, DIAGNOSTICS }

    public Place {
        Objects.requireNonNull(level, "level");
        boolean needsLine = level != Level.PLANT;
        boolean needsStation = level == Level.STATION || level == Level.DIAGNOSTICS;
        if (needsLine != (line != null) || needsStation != (station != null)) {
            throw new IllegalArgumentException("a " + level + " place needs " + (needsStation ? "a line and a station"
                    : needsLine ? "a line and no station" : "neither line nor station") + ", got line=" + line
                    + " station=" + station);
        }
        if (station != null && !line.contains(station)) {
            throw new IllegalArgumentException("station " + station + " is not on line " + line);
        }
    }

    public static Place plant() {
        return new Place(Level.PLANT, null, null);
    }

    public static Place line(LineId line) {
        return new Place(Level.LINE, line, null);
    }

    public static Place station(StationId station) {
        return new Place(Level.STATION, LineId.of(station), station);
    }

    public static Place diagnostics(StationId station) {
        return new Place(Level.DIAGNOSTICS, LineId.of(station), station);
    }

    /** The place one level up (PLANT stays PLANT). */
    public Place parent() {
        return switch (level) {
            case PLANT, LINE -> plant();
            case STATION -> line(line);
            case DIAGNOSTICS -> station(station);
        };
    }
}
