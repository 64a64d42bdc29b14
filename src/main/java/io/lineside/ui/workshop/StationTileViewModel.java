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

    /** The signals in each place, from the station model: state, first and second key value, part counter. */
    private String stateSignal;
    private String firstSignal;
    private String secondSignal;
    private String countSignal;

    private final StationId id;
    private final Texts texts;
    private final java.util.function.Consumer<StationId> onOpen;
    // The signals as last taken, and as shown; state, speed and temperature make the tile's quality and age.
    // Null until first seen.
    private TagValue stateValue;
    private TagValue firstValue;
    private TagValue secondValue;
    private TagValue countValue;
    private TagValue shownState;
    private TagValue shownFirst;
    private TagValue shownSecond;
    private TagValue shownCount;
    /** A shown signal changed since the last {@link #refreshAge}. */
    private boolean valuesChanged;
    /** Display units and labels of the two key values, from the station model ("" when unknown). */
    private final ReadOnlyStringWrapper firstUnit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secondUnit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper firstLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secondLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countLabel = new ReadOnlyStringWrapper("");
    private io.lineside.stations.StationDescription description;
    /** Why the quality is what it is (out of range, clock skew), or empty; part of the quality text. */
    private String flagsText = "";

    private final ReadOnlyObjectWrapper<StationState> state = new ReadOnlyObjectWrapper<>(StationState.UNKNOWN);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper firstText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper secondText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(Quality.STALE);
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper();
    private Instant oldest;

    StationTileViewModel(StationId id, Texts texts, java.util.function.Consumer<StationId> onOpen) {
        this.id = id;
        this.texts = texts;
        this.onOpen = onOpen;
        stateText.set(texts.get("state." + StationState.UNKNOWN.name()));
        String none = Texts.number(Double.NaN);
        firstText.set(none);
        secondText.set(none);
        countText.set(none);
        describe(new io.lineside.stations.StationDescription(id, java.util.List.of()));
        refreshAge(Instant.EPOCH);
    }

    /**
     * Places the station model's signals: its STATE role, its first two key values (the SPEED role, then the
     * trended ones) with their labels and units, and its GOOD_COUNT counter. FX thread only.
     */
    void describe(io.lineside.stations.StationDescription d) {
        this.description = d;
        java.util.Locale locale = java.util.Locale.forLanguageTag(texts.language());
        stateSignal = d.withRole(io.lineside.stations.SignalRole.STATE).map(x -> x.name()).orElse(null);
        countSignal = d.withRole(io.lineside.stations.SignalRole.GOOD_COUNT).map(x -> x.name()).orElse(null);
        var keys = d.keyValues(2);
        firstSignal = keys.size() > 0 ? keys.get(0).name() : null;
        secondSignal = keys.size() > 1 ? keys.get(1).name() : null;
        firstLabel.set(keys.size() > 0 ? keys.get(0).label(locale) : "");
        firstUnit.set(keys.size() > 0 ? keys.get(0).unit(locale) : "");
        secondLabel.set(keys.size() > 1 ? keys.get(1).label(locale) : "");
        secondUnit.set(keys.size() > 1 ? keys.get(1).unit(locale) : "");
        countLabel.set(d.withRole(io.lineside.stations.SignalRole.GOOD_COUNT)
                .map(x -> x.label().isEmpty() ? texts.get("tile.cycles") : x.label(locale)).orElse(""));
    }

    /** True if the model placed {@code signal} on this tile, or knows it and chose not to show it. */
    boolean knows(String signal) {
        return description.signal(signal).isPresent();
    }

    /** The first key value's label (e.g. "Speed"), from the station model. */
    public ReadOnlyStringProperty firstLabelProperty() {
        return firstLabel.getReadOnlyProperty();
    }

    /** The second key value's label. */
    public ReadOnlyStringProperty secondLabelProperty() {
        return secondLabel.getReadOnlyProperty();
    }

    /** The part counter's label ("Parts"), or empty when the station has none. */
    public ReadOnlyStringProperty countLabelProperty() {
        return countLabel.getReadOnlyProperty();
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

    public ReadOnlyStringProperty firstTextProperty() {
        return firstText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondTextProperty() {
        return secondText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** The first key value's unit, from the station model ("" when unknown). */
    public ReadOnlyStringProperty firstUnitProperty() {
        return firstUnit.getReadOnlyProperty();
    }

    /** The second key value's unit, from the station model ("" when unknown). */
    public ReadOnlyStringProperty secondUnitProperty() {
        return secondUnit.getReadOnlyProperty();
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

    /** {@link #take(String, TagValue)}; the unit argument is ignored: units come from the station model. */
    boolean take(String signal, TagValue value, String unit) {
        if (signal.equals(stateSignal)) {
            stateValue = value;
        } else if (signal.equals(firstSignal)) {
            firstValue = value;
        } else if (signal.equals(secondSignal)) {
            secondValue = value;
        } else if (signal.equals(countSignal)) {
            countValue = value;
        } else {
            return false;
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
        if (firstValue != shownFirst) {
            if (reads(shownFirst, firstValue)) {
                firstText.set(number(firstSignal, firstValue));
            }
            shownFirst = firstValue;
            valuesChanged = true;
        }
        if (secondValue != shownSecond) {
            if (reads(shownSecond, secondValue)) {
                secondText.set(number(secondSignal, secondValue));
            }
            shownSecond = secondValue;
            valuesChanged = true;
        }
        if (countValue != shownCount) { // the counter takes no part in the tile's quality and age
            if (reads(shownCount, countValue)) {
                countText.set(countValue.quality() == Quality.BAD ? Texts.number(Double.NaN)
                        : Texts.count(countValue.number()));
            }
            shownCount = countValue;
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
            worst = worst(worst(worst(Quality.GOOD, shownState), shownFirst), shownSecond);
            oldest = older(older(older(null, shownState), shownFirst), shownSecond);
            flagsText = flagText(flags(flags(flags(0, shownState), shownFirst), shownSecond));
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
        describe(description); // labels and units in the new language
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

    /** The value with its signal's decimals; text as it came. */
    private String number(String signal, TagValue v) {
        if (v.quality() == Quality.BAD || v.value() == null) {
            return Texts.number(Double.NaN);
        }
        if (v.value() instanceof String text) {
            return text;
        }
        return description.signal(signal).map(d -> d.format(v.number())).orElse(Texts.number(v.number()));
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
