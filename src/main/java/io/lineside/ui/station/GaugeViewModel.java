package io.lineside.ui.station;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One key value of a faceplate as an analog bar: the value's place in its range, the normal band and the alarm
 * limits, the number with its unit, and its quality with age. FX thread only; properties change only when what
 * they show does.
 */
public final class GaugeViewModel {

    private final String signal;
    private final String label;
    private final String unit;
    private final Limits limits;
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

    GaugeViewModel(String signal, String label, String unit, Limits limits, Texts texts) {
        this.signal = signal;
        this.label = label;
        this.unit = unit;
        this.limits = limits;
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

    public ReadOnlyObjectProperty<Scale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    void show(TagValue value, Instant now) {
        if (value != null && value != shown) {
            if (shown == null || !Objects.equals(shown.value(), value.value()) || shown.quality() != value.quality()) {
                double v = value.quality() == Quality.BAD ? Double.NaN : value.number();
                if (!Double.isNaN(v) && v > max) { // grow the range in nice steps, never shrink it under the eye
                    max = Limits.niceCeiling(v * 1.25);
                    rescale();
                }
                valueText.set(Texts.number(v));
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

    /** Grows the range to hold {@code v} (a recent value from history), as a live value would. */
    void fit(double v) {
        if (!Double.isNaN(v) && v > max) {
            max = Limits.niceCeiling(v * 1.25);
            rescale();
            TagValue last = shown;
            shown = null; // re-place the pointer on the new scale
            if (last != null) {
                show(last, last.receiveTime());
            }
        }
    }

    private void rescale() {
        double min = limits.min();
        double span = max - min;
        scale.set(new Scale(at(limits.low(), min, span, 0), at(limits.high(), min, span, 1),
                at(limits.low(), min, span, Double.NaN), at(limits.lowLow(), min, span, Double.NaN),
                at(limits.high(), min, span, Double.NaN), at(limits.highHigh(), min, span, Double.NaN)));
        rangeText.set(texts.get("station.range", Texts.number(min), Texts.number(max)));
    }

    private static double at(double limit, double min, double span, double otherwise) {
        return Double.isNaN(limit) ? otherwise : Math.clamp((limit - min) / span, 0, 1);
    }
}
