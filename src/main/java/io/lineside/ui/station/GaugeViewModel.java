package io.lineside.ui.station;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import io.lineside.stations.SignalDescription;
import io.lineside.stations.SignalKind;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One value of a faceplate: an analog bar (the value's place in its range, the normal band and the alarm limits)
 * when its range or limits are known, else a plain value; the value with its own decimals and unit, and its quality
 * with age. FX thread only; properties change only when what they show does.
 */
public final class GaugeViewModel {

    private final String signal;
    private final String label;
    private final String unit;
    private final Limits limits;
    private final SignalDescription description;
    private final boolean bar;
    private final Texts texts;
    private double max;
    private TagValue shown;
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper(Texts.number(Double.NaN));
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(Quality.STALE);
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Scale> scale = new ReadOnlyObjectWrapper<>();

    /** Where the bar's marks sit, as fractions of the range (NaN when a limit is not configured). */
    public record Scale(double normalFrom, double normalTo, double low, double lowLow, double high, double highHigh) {
    }

    GaugeViewModel(SignalDescription description, Texts texts) {
        Locale locale = Locale.forLanguageTag(texts.language());
        this.description = description;
        this.signal = description.name();
        this.label = description.label(locale);
        this.unit = description.unit(locale);
        this.limits = Limits.of(description);
        this.bar = description.kind() == SignalKind.ANALOG && (description.hasRange() || description.limits().any());
        this.texts = texts;
        this.max = limits.initialMax();
        qualityText.set(texts.get("age.never"));
        rescale();
    }

    public String signal() {
        return signal;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** True when drawn as a bar (a range or alarm limits are known); false: a plain value. */
    public boolean bar() {
        return bar;
    }

    /** The signal's description in the station model. */
    public SignalDescription description() {
        return description;
    }

    /** The value's place in the range, 0 to 1 (clamped), or NaN with no value. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty valueTextProperty() {
        return valueText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** "Good · 0.4 s". */
    public ReadOnlyStringProperty qualityTextProperty() {
        return qualityText.getReadOnlyProperty();
    }

    /** "Range 0–50". */
    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    /** The values the bar marks (its alarm limits LL, L, H, HH, those configured), low to high. */
    public java.util.List<Double> limitMarks() {
        return java.util.stream.DoubleStream.of(limits.lowLow(), limits.low(), limits.high(), limits.highHigh())
                .filter(v -> !Double.isNaN(v)).boxed().toList();
    }

    public ReadOnlyObjectProperty<Scale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    void show(TagValue value, Instant now) {
        if (value != null && value != shown) {
            if (shown == null || !Objects.equals(shown.value(), value.value()) || shown.quality() != value.quality()) {
                double v = value.quality() == Quality.BAD ? Double.NaN : value.number();
                if (!Double.isNaN(v) && v > max && !limits.fixed()) { // grow in nice steps, never shrink under the eye
                    max = Limits.niceCeiling(v * 1.25);
                    rescale();
                }
                valueText.set(text(value, v));
                fraction.set(Double.isNaN(v) ? Double.NaN : Math.clamp((v - limits.min()) / (max - limits.min()), 0, 1));
                quality.set(value.quality());
            }
            shown = value;
        }
        String q = shown == null ? texts.get("age.never")
                : texts.quality(shown.quality()) + " \u00B7 " + texts.age(Duration.between(shown.receiveTime(), now));
        if (!q.equals(qualityText.get())) {
            qualityText.set(q);
        }
    }

    private String text(TagValue value, double v) {
        if (value.quality() == Quality.BAD || value.value() == null) {
            return Texts.number(Double.NaN);
        }
        if (value.value() instanceof String s) {
            return s;
        }
        if (description.kind() == SignalKind.BOOLEAN) {
            return texts.get(v != 0 ? "value.on" : "value.off");
        }
        return description.format(v);
    }

    /** Grows the range to hold {@code v} (a recent value from history), as a live value would. */
    void fit(double v) {
        if (!Double.isNaN(v) && v > max && !limits.fixed()) {
            max = Limits.niceCeiling(v * 1.25);
            rescale();
            TagValue last = shown;
            shown = null; // re-place the pointer on the new scale
            if (last != null) {
                show(last, last.receiveTime());
            }
        }
    }

    /** A range end: whole when both ends are ("0–200", not "0.0–200.0"), else with the signal's decimals. */
    private String end(double at, double other) {
        return at == Math.rint(at) && other == Math.rint(other) ? String.format(Locale.ROOT, "%.0f", at)
                : description.format(at);
    }

    private void rescale() {
        double min = limits.min();
        double span = max - min;
        scale.set(new Scale(at(limits.low(), min, span, 0), at(limits.high(), min, span, 1),
                at(limits.low(), min, span, Double.NaN), at(limits.lowLow(), min, span, Double.NaN),
                at(limits.high(), min, span, Double.NaN), at(limits.highHigh(), min, span, Double.NaN)));
        rangeText.set(bar ? texts.get("station.range", end(min, max), end(max, min)) : "");
    }

    private static double at(double limit, double min, double span, double otherwise) {
        return Double.isNaN(limit) ? otherwise : Math.clamp((limit - min) / span, 0, 1);
    }
}
