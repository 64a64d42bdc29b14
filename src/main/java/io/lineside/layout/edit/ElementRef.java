package io.lineside.layout.edit;

/**
 * Where an element sits in a layout: area, line and station index, and the symbol's index in that station, or
 * {@link #NONE} for the station itself. Positional, so it names the element even while two share an id mid-edit.
 */
public record ElementRef(int area, int line, int station, int symbol) {

    public static final int NONE = -1;

    public static ElementRef station(int area, int line, int station) {
        return new ElementRef(area, line, station, NONE);
    }

    public boolean isSymbol() {
        return symbol != NONE;
    }

    /** The station this element belongs to (itself for a station). */
    public ElementRef stationRef() {
        return station(area, line, station);
    }
}
