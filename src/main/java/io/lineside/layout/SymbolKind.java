package io.lineside.layout;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The allow-list of symbols a layout may use. A layout names one of these {@link #id() ids}, never a class: the
 * views build each kind with their own code, so a layout file cannot make the HMI instantiate anything else.
 */
public enum SymbolKind {
    /** A station's body: its name, outlined by its state. */
    STATION("station", false),
    /** A conveyor segment, moving while its tag reads running (or a number above zero). */
    CONVEYOR("conveyor", false),
    /** A buffer between stations, filled to its count within the range (a plain drawing without a tag). */
    BUFFER("buffer", true),
    /** A tank, filled to its level within the range (a plain drawing without a tag). */
    TANK("tank", true),
    /** A valve, open while its tag reads open/running (or a number above zero). */
    VALVE("valve", false),
    /** A motor, running while its tag reads running (or a number above zero). */
    MOTOR("motor", false),
    /** A number with its unit. */
    VALUE("value", false),
    /** A state lamp: shape plus word for the station's state. */
    LAMP("lamp", false),
    /** A bar (analog indicator) within the range, with optional low/high limits. */
    BAR("bar", true),
    /** The recent values of a tag as a small line. */
    SPARKLINE("sparkline", false);

    private final String id;
    private final boolean needsRange;

    SymbolKind(String id, boolean needsRange) {
        this.id = id;
        this.needsRange = needsRange;
    }

    /** The name a layout file uses. */
    public String id() {
        return id;
    }

    /** True if the symbol, when bound to a tag, cannot be drawn without a {@code range}. */
    public boolean needsRange() {
        return needsRange;
    }

    /** The kind a layout names, if it is on the allow-list (exact, case-sensitive). */
    public static Optional<SymbolKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The allowed ids, for error messages: {@code station, conveyor, ...}. */
    public static String allowed() {
        return Arrays.stream(values()).map(SymbolKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}
