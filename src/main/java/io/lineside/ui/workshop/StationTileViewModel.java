package io.lineside.ui.workshop;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One station tile: its state, key values, the worst quality among them and the age of the oldest.
 *
 * <p>FX thread only (fed by the pulse). Work follows what changed: a signal whose value and quality are as
 * before is not re-formatted, and a property is set only when its text (or state) differs, so an unchanged
 * tile costs the views nothing (no invalidation, no CSS, no layout).
 */
public final class StationTileViewModel {

    static final String STATE = "state";
    static final String SPEED = "speed";
    static final String TEMPERATURE = "temperature";
    static final String CYCLES = "cycles";

    private final StationId id;
    private final Texts texts;
    private final java.util.function.Consumer<StationId> onOpen;
    // The signals as last taken, and as shown; state, speed and temperature make the tile's quality and age.
    // Null until first seen.
    private TagValue stateValue;
    private TagValue speedValue;
    private TagValue temperatureValue;
    private TagValue cyclesValue;
    private TagValue shownState;
    private TagValue shownSpeed;
    private TagValue shownTemperature;
    private TagValue shownCycles;
    /** A shown signal changed since the last {@link #refreshAge}. */
    private boolean valuesChanged;
    /** Display units: the mapping's when it gives one, else the usual ones. */
    private final ReadOnlyStringWrapper speedUnit = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper temperatureUnit = new ReadOnlyStringWrapper();
    /** Why the quality is what it is (out of range, clock skew), or empty; part of the quality text. */
    private String flagsText = "";

    private final ReadOnlyObjectWrapper<StationState> state = new ReadOnlyObjectWrapper<>(StationState.UNKNOWN);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper temperatureText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper cyclesText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(Quality.STALE);
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper();
    private Instant oldest;

    StationTileViewModel(StationId id, Texts texts, java.util.function.Consumer<StationId> onOpen) {
        this.id = id;
        this.texts = texts;
        this.onOpen = onOpen;
        stateText.set(texts.get("state." + StationState.UNKNOWN.name()));
        String none = Texts.number(Double.NaN);
        speedText.set(none);
        temperatureText.set(none);
        cyclesText.set(none);
        speedUnit.set(texts.get("unit.speed"));
        temperatureUnit.set(texts.get("unit.temperature"));
        refreshAge(Instant.EPOCH);
    }

    public StationId id() {
        return id;
    }

    public String name() {
        return id.station();
    }

    public ReadOnlyObjectProperty<StationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty temperatureTextProperty() {
        return temperatureText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cyclesTextProperty() {
        return cyclesText.getReadOnlyProperty();
    }

    /** The speed's unit: the tag's configured unit, or the default ("/min"). */
    public ReadOnlyStringProperty speedUnitProperty() {
        return speedUnit.getReadOnlyProperty();
    }

    /** The temperature's unit: the tag's configured unit, or the default ("°C"). */
    public ReadOnlyStringProperty temperatureUnitProperty() {
        return temperatureUnit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** The quality word and the age of the oldest shown value, e.g. "Good · 0.4 s". */
    public ReadOnlyStringProperty qualityTextProperty() {
        return qualityText.getReadOnlyProperty();
    }

    // Commands

    /** The operator asked for this station's detail. */
    public void openRequested() {
        onOpen.accept(id);
    }

    /**
     * Takes the latest value of one of this station's signals without showing it yet (cheap: no formatting, no
     * property change); {@link #show} does that. Signals the tile does not show are ignored.
     *
     * @return true if the value is for a signal the tile shows
     */
    boolean take(String signal, TagValue value) {
        return take(signal, value, "");
    }

    /** {@link #take(String, TagValue)} with the signal's configured unit (empty when none: the default stays). */
    boolean take(String signal, TagValue value, String unit) {
        if (!unit.isEmpty()) { // set() ignores an equal value: no invalidation per message
            switch (signal) {
                case SPEED -> speedUnit.set(unit);
                case TEMPERATURE -> temperatureUnit.set(unit);
                default -> { }
            }
        }
        switch (signal) {
            case STATE -> stateValue = value;
            case SPEED -> speedValue = value;
            case TEMPERATURE -> temperatureValue = value;
            case CYCLES -> cyclesValue = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Shows what was taken since the last show: re-formats a text only if its value or quality differs from the
     * shown one, then recomputes the quality and age if a signal that counts for them arrived.
     */
    void show(Instant now) {
        if (stateValue != shownState) {
            if (reads(shownState, stateValue)) {
                showState();
            }
            shownState = stateValue;
            valuesChanged = true;
        }
        if (speedValue != shownSpeed) {
            if (reads(shownSpeed, speedValue)) {
                speedText.set(number(speedValue));
            }
            shownSpeed = speedValue;
            valuesChanged = true;
        }
        if (temperatureValue != shownTemperature) {
            if (reads(shownTemperature, temperatureValue)) {
                temperatureText.set(number(temperatureValue));
            }
            shownTemperature = temperatureValue;
            valuesChanged = true;
        }
        if (cyclesValue != shownCycles) { // the counter takes no part in the tile's quality and age
            if (reads(shownCycles, cyclesValue)) {
                cyclesText.set(cyclesValue.quality() == Quality.BAD ? Texts.number(Double.NaN)
                        : Texts.count(cyclesValue.number()));
            }
            shownCycles = cyclesValue;
        }
        refreshAge(now);
    }

    /**
     * Recomputes the worst quality and the age of the oldest shown value as of {@code now}; the quality text is
     * set only if it reads differently (an age in tenths of a second changes ten times a second at most).
     */
    void refreshAge(Instant now) {
        Quality worst = quality.get();
        if (valuesChanged) {
            worst = worst(worst(worst(Quality.GOOD, shownState), shownSpeed), shownTemperature);
            oldest = older(older(older(null, shownState), shownSpeed), shownTemperature);
            flagsText = flagText(flags(flags(flags(0, shownState), shownSpeed), shownTemperature));
            valuesChanged = false;
        }
        String age = oldest == null ? texts.get("age.never") : texts.age(Duration.between(oldest, now));
        String text = texts.quality(worst) + flagsText + " \u00B7 " + age;
        if (worst != quality.get() || !text.equals(qualityText.get())) {
            quality.set(worst);
            qualityText.set(text);
        }
    }

    /** Re-formats the state word now and the quality text at the next age refresh, in Texts' current language. */
    void relocalize() {
        stateText.set(texts.get("state." + (state.get() == null ? StationState.UNKNOWN : state.get()).name()));
        valuesChanged = true; // the flags text is cached in the old language
    }

    private void showState() {
        StationState s = stateValue.quality() == Quality.BAD ? StationState.UNKNOWN : StationState.of(stateValue);
        if (s != state.get()) {
            state.set(s);
            stateText.set(texts.get("state." + s.name()));
        }
    }

    /** True if {@code now} reads differently from {@code old} (value or quality); a newer receive time alone does not. */
    private static boolean reads(TagValue old, TagValue now) {
        return old == null || old.quality() != now.quality() || !Objects.equals(old.value(), now.value());
    }

    private static String number(TagValue v) {
        return v.quality() == Quality.BAD ? Texts.number(Double.NaN) : Texts.number(v.number());
    }

    private static int flags(int flags, TagValue v) {
        return v == null ? flags : flags | v.flags();
    }

    /** " (out of range, clock skew)" for the flags set, or empty. */
    private String flagText(int flags) {
        if (flags == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        if ((flags & TagValue.OUT_OF_RANGE) != 0) {
            out.append(texts.get("quality.flag.OUT_OF_RANGE"));
        }
        if ((flags & TagValue.CLOCK_SKEW) != 0) {
            out.append(out.length() > 2 ? ", " : "").append(texts.get("quality.flag.CLOCK_SKEW"));
        }
        return out.append(')').toString();
    }

    private static Quality worst(Quality worst, TagValue v) {
        Quality q = v == null ? Quality.STALE : v.quality();
        return severity(q) > severity(worst) ? q : worst;
    }

    private static Instant older(Instant oldest, TagValue v) {
        return v != null && (oldest == null || v.receiveTime().isBefore(oldest)) ? v.receiveTime() : oldest;
    }

    private static int severity(Quality q) {
        return switch (q) {
            case GOOD -> 0;
            case UNCERTAIN -> 1;
            case STALE -> 2;
            case BAD -> 3;
        };
    }
}
