package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.layout.LayoutSymbol;
import io.lineside.layout.SymbolKind;
import io.lineside.layout.ValueRange;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;

/**
 * One symbol on the plan and what it shows: a value text, a state, a fill, a running flag, recent values; which of
 * them a node draws depends on its {@link #kind()}. Everything is derived once per change in {@link #recompute},
 * so nodes only read. FX thread only.
 */
public final class SymbolViewModel extends BoundItem {

    /** How many recent values a sparkline keeps. */
    static final int SPARK_POINTS = 48;

    private final LayoutSymbol symbol;
    private final String label;
    private StationState state = StationState.UNKNOWN;
    private String valueText;
    private double fraction = Double.NaN;
    private boolean abnormal;
    private String limitText = "";
    private boolean active;
    private final double[] recent;
    private int recentCount;
    private int recentNext;

    SymbolViewModel(LayoutSymbol symbol, String label, Texts texts) {
        super(symbol.tag(), texts);
        this.symbol = symbol;
        this.label = label;
        this.recent = symbol.kind() == SymbolKind.SPARKLINE ? new double[SPARK_POINTS] : new double[0];
        this.valueText = Texts.number(Double.NaN);
    }

    public String id() {
        return symbol.id();
    }

    public SymbolKind kind() {
        return symbol.kind();
    }

    public StationId station() {
        return symbol.station();
    }

    /** Where it is drawn, in plan units. */
    public Box box() {
        return symbol.box();
    }

    /** The caption in the UI language, or empty. */
    public String label() {
        return label;
    }

    /** The station state (lamps and station bodies); UNKNOWN when absent, BAD or unrecognised. */
    public StationState state() {
        return state;
    }

    /** The value as text with its unit ("45.2 °C"), or the state word, or an em dash when there is none. */
    public String valueText() {
        return valueText;
    }

    /** Where the value sits on the range (0..1), or NaN when there is no usable value or range. */
    public double fraction() {
        return fraction;
    }

    /** True if the value is beyond a range limit, or the state stops production. */
    public boolean abnormal() {
        return abnormal;
    }

    /** "HI" or "LO" when beyond a limit, else empty (abnormal is never shown by colour alone). */
    public String limitText() {
        return limitText;
    }

    /** True for a running conveyor or motor, an open valve. */
    public boolean active() {
        return active;
    }

    /** The recent values, oldest first (sparklines only). */
    public double[] recentValues() {
        double[] out = new double[recentCount];
        int start = (recentNext - recentCount + recent.length) % Math.max(1, recent.length);
        for (int i = 0; i < recentCount; i++) {
            out[i] = recent[(start + i) % recent.length];
        }
        return out;
    }

    /** The symbol's range, if it has one. */
    public java.util.Optional<ValueRange> range() {
        return symbol.range();
    }

    @Override
    void recompute() {
        TagValue v = shownValue();
        double number = liveNumber();
        active = activeValue();
        switch (symbol.kind()) {
            case LAMP, STATION -> {
                state = v == null || v.quality() == Quality.BAD ? StationState.UNKNOWN : StationState.of(v);
                valueText = texts.get("state." + state.name());
                abnormal = state.isAbnormal();
            }
            case VALUE -> valueText = v != null && v.value() instanceof String s && v.quality() != Quality.BAD
                    ? s : withUnit(number);
            default -> valueText = withUnit(number);
        }
        if (symbol.kind() != SymbolKind.LAMP && symbol.kind() != SymbolKind.STATION) {
            ValueRange range = symbol.range().orElse(null);
            boolean usable = range != null && !Double.isNaN(number);
            fraction = usable ? range.fraction(number) : Double.NaN;
            boolean high = usable && range.high().isPresent() && number > range.high().getAsDouble();
            boolean low = usable && range.low().isPresent() && number < range.low().getAsDouble();
            abnormal = high || low;
            limitText = high ? texts.get("layout.limit.high") : low ? texts.get("layout.limit.low") : "";
        }
        if (recent.length > 0 && !Double.isNaN(number)) {
            recent[recentNext] = number;
            recentNext = (recentNext + 1) % recent.length;
            recentCount = Math.min(recent.length, recentCount + 1);
        }
    }

    private String withUnit(double number) {
        String text = Texts.number(number);
        return Double.isNaN(number) || symbol.unit().isEmpty() ? text : text + " " + symbol.unit();
    }
}
