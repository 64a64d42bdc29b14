package io.lineside.sim;

/**
 * What a simulated station does: its nominal cycle time and temperature.
 *
 * @param name         the station name in topics ({@code press})
 * @param cycleSeconds seconds per part while running
 * @param nominalTemp  °C while running normally
 */
public record StationKind(String name, double cycleSeconds, double nominalTemp) {

    /** The demo line: six stations in flow order. */
    public static final java.util.List<StationKind> DEMO_LINE = java.util.List.of(
            new StationKind("load", 2.0, 24),
            new StationKind("press", 2.0, 45),
            new StationKind("weld", 2.0, 180),
            new StationKind("paint", 2.0, 28),
            new StationKind("inspect", 2.0, 23),
            new StationKind("pack", 2.0, 25));
}
