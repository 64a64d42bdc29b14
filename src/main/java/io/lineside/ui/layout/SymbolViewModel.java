package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.layout.LayoutSymbol;
import io.lineside.layout.SymbolKind;
import io.lineside.layout.ValueRange;
import io.lineside.stations.SignalDescription;
import io.lineside.stations.SignalLimits;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

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
    private final SignalDescription signal;
    private final Optional<ValueRange> range;
    private final boolean alarmLimits;
    private final List<Double> limitMarks;
    private final String unit;
    private StationState state = StationState.UNKNOWN;
    private String valueText;
    private double fraction = Double.NaN;
    private boolean abnormal;
    private String limitText = "";
    private boolean active;
    private final double[] recent;
    private int recentCount;
    private int recentNext;
    private final javafx.beans.property.ReadOnlyObjectWrapper<AlarmMarker> marker =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    SymbolViewModel(LayoutSymbol symbol, String label, Texts texts) {
        this(symbol, label, null, texts);
    }

    /**
     * @param signal the bound signal as the station model describes it, or null when there is no model: its alarm
     *               limits replace the layout's own {@code low}/{@code high} (decision 0027), its unit stands in for
     *               a layout without one, and its decimals format the value
     */
    SymbolViewModel(LayoutSymbol symbol, String label, SignalDescription signal, Texts texts) {
        super(symbol.tag(), texts);
        this.symbol = symbol;
        this.label = label;
        this.signal = signal;
        SignalLimits limits = signal == null ? SignalLimits.NONE : signal.limits();
        this.alarmLimits = limits.any();
        this.range = alarmLimits ? symbol.range().map(r -> new ValueRange(r.min(), r.max(),
                first(limits.low(), limits.lowLow()), first(limits.high(), limits.highHigh()))) : symbol.range();
        List<Double> marks = new ArrayList<>();
        if (alarmLimits) {
            for (double at : new double[] {limits.lowLow(), limits.low(), limits.high(), limits.highHigh()}) {
                if (!Double.isNaN(at)) {
                    marks.add(at);
                }
            }
        } else {
            range.ifPresent(r -> {
                r.low().ifPresent(marks::add);
                r.high().ifPresent(marks::add);
            });
        }
        this.limitMarks = List.copyOf(marks);
        this.unit = !symbol.unit().isEmpty() || signal == null ? symbol.unit() : signal.unit(java.util.Locale.forLanguageTag(texts.language()));
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

    /**
     * The symbol's scale, if it has one, with the limits that make a value abnormal: those of the signal's alarm
     * definitions (the lower of L/LL, the H, else HH), or the layout's own when the signal has no limit alarm.
     */
    public Optional<ValueRange> range() {
        return range;
    }

    /**
     * The values a bar marks, low to high: every limit of the signal's alarm definitions (LL, L, H, HH, the same
     * ticks as the faceplate's), or the layout's own low/high when the signal has none.
     */
    public List<Double> limitMarks() {
        return limitMarks;
    }

    /**
     * True if this symbol carries an alarm marker: a station body (the station's alarms) or a piece of equipment
     * bound to a tag (that signal's alarms).
     */
    public boolean carriesMarker() {
        return switch (symbol.kind()) {
            case STATION -> true;
            case CONVEYOR, BUFFER, TANK, VALVE, MOTOR -> symbol.tag().isPresent();
            default -> false;
        };
    }

    /** True if {@code alarm} belongs on this symbol's marker (its station's, or its bound signal's). */
    boolean marks(io.lineside.alarms.ActiveAlarm alarm) {
        return symbol.kind() == SymbolKind.STATION ? alarm.definition().station().equals(symbol.station())
                : symbol.tag().map(t -> t.equals(alarm.definition().tag())).orElse(false);
    }

    /** The marker of this symbol's worst annunciated alarm, or null when it has none. */
    public javafx.beans.property.ReadOnlyObjectProperty<AlarmMarker> markerProperty() {
        return marker.getReadOnlyProperty();
    }

    /** Sets the marker; a node redraws only when it reads differently. @return true if it changed */
    boolean setMarker(AlarmMarker next) {
        if (java.util.Objects.equals(next, marker.get())) {
            return false;
        }
        marker.set(next);
        return true;
    }

    private static OptionalDouble first(double a, double b) {
        return !Double.isNaN(a) ? OptionalDouble.of(a) : !Double.isNaN(b) ? OptionalDouble.of(b) : OptionalDouble.empty();
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
            ValueRange r = range.orElse(null);
            boolean usable = r != null && !Double.isNaN(number);
            fraction = usable ? r.fraction(number) : Double.NaN;
            // an alarm limit trips at the limit itself (as the alarm does); the layout's own only beyond it
            boolean high = usable && r.high().isPresent()
                    && (alarmLimits ? number >= r.high().getAsDouble() : number > r.high().getAsDouble());
            boolean low = usable && r.low().isPresent()
                    && (alarmLimits ? number <= r.low().getAsDouble() : number < r.low().getAsDouble());
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
        String text = signal != null && signal.described() ? signal.format(number) : Texts.number(number);
        return Double.isNaN(number) || unit.isEmpty() ? text : text + " " + unit;
    }
}
