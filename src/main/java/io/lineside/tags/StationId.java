package io.lineside.tags;

/** The ISA-95 address of one station (work unit): site / area / line / station. */
public record StationId(String site, String area, String line, String station) {

    /** The tag of one of this station's signals. */
    public TagPath signal(String signal) {
        return new TagPath(site, area, line, station, signal);
    }

    @Override
    public String toString() {
        return site + '/' + area + '/' + line + '/' + station;
    }
}
