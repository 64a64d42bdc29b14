package io.lineside.app;

import io.lineside.shifts.OeeSettings;
import io.lineside.shifts.ReasonTree;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.tags.StationId;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The {@code station:} block of a workstation config: what this installed station shows and keeps. Optional as a
 * whole (the demo and older configs have none); see jlink-config/stations/ for examples. The station's alarm set
 * is the config's top-level {@code alarms:} file ({@link ConfigLoader}).
 *
 * @param name          the station's name (also the installer's name in jlink-config/stations/)
 * @param areas         the areas this station shows; empty for all
 * @param lines         the lines this station shows; empty for all
 * @param layout        the workshop layout file, or empty for the built-in overview
 * @param shifts        the shift calendar, in order; empty when the plant has none
 * @param retentionDays how many days of raw history to keep
 * @param zone          the plant's time zone, in which shift times are wall-clock times (DST-aware)
 * @param oee           how OEE is computed (ideal cycles, flow order, IDLE planned or not), if configured
 * @param downtimeReasons the reasons operators give downtime ({@code downtimeReasons}), else the default tree
 */
public record StationProfile(String name, List<String> areas, List<String> lines, Optional<Path> layout,
                             List<Shift> shifts, int retentionDays, ZoneId zone, Optional<OeeSettings> oee,
                             ReasonTree downtimeReasons) {

    public static final int DEFAULT_RETENTION_DAYS = 30;

    /**
     * One shift of the calendar; a shift whose end is not after its start ends the next day.
     *
     * @param name  e.g. {@code early}
     * @param start local start time
     * @param end   local end time
     * @param crew  the crew that works it, or empty
     */
    public record Shift(String name, LocalTime start, LocalTime end, String crew) {

        public Shift(String name, LocalTime start, LocalTime end) {
            this(name, start, end, "");
        }
    }

    public StationProfile {
        areas = List.copyOf(areas);
        lines = List.copyOf(lines);
        shifts = List.copyOf(shifts);
    }

    /** A profile with the default reason tree. */
    public StationProfile(String name, List<String> areas, List<String> lines, Optional<Path> layout,
                          List<Shift> shifts, int retentionDays, ZoneId zone, Optional<OeeSettings> oee) {
        this(name, areas, lines, layout, shifts, retentionDays, zone, oee, ReasonTree.DEFAULT);
    }

    /** A profile in the system's time zone. */
    public StationProfile(String name, List<String> areas, List<String> lines, Optional<Path> layout,
                          List<Shift> shifts, int retentionDays) {
        this(name, areas, lines, layout, shifts, retentionDays, ZoneId.systemDefault());
    }

    /** A profile without OEE settings. */
    public StationProfile(String name, List<String> areas, List<String> lines, Optional<Path> layout,
                          List<Shift> shifts, int retentionDays, ZoneId zone) {
        this(name, areas, lines, layout, shifts, retentionDays, zone, Optional.empty());
    }

    /** The shift calendar in the plant's zone (empty when the config names no shifts). */
    public ShiftCalendar calendar() {
        return new ShiftCalendar(shifts.stream().map(s -> new ShiftDefinition(s.name(), s.start(), s.end(), s.crew()))
                .toList(), zone);
    }

    /** True if this station shows {@code station}: its area and line are among those named (or none are named). */
    public boolean shows(StationId station) {
        return (areas.isEmpty() || areas.contains(station.area())) && (lines.isEmpty() || lines.contains(station.line()));
    }

    /** The shift called {@code name}, if the calendar has one. */
    public Optional<Shift> shift(String name) {
        return shifts.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
