package io.lineside.ui.workshop;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One station tile: its state, key values, the worst quality among them and the age of the oldest.
 * FX thread only (fed by the pulse); properties change only when their text does.
 */
public final class StationTileViewModel {

    static final String STATE = "state";
    static final String SPEED = "speed";
    static final String TEMPERATURE = "temperature";
    static final String CYCLES = "cycles";
    /** The signals shown on the tile; their quality and age are the tile's. */
    private static final String[] SHOWN = {STATE, SPEED, TEMPERATURE};

    private final StationId id;
    private final Texts texts;
    private final java.util.function.Consumer<StationId> onOpen;
    private final Map<String, TagValue> signals = new HashMap<>();

    private final ReadOnlyObjectWrapper<StationState> state = new ReadOnlyObjectWrapper<>(StationState.UNKNOWN);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper temperatureText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper cyclesText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(Quality.STALE);
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper();

    StationTileViewModel(StationId id, Texts texts, java.util.function.Consumer<StationId> onOpen) {
        this.id = id;
        this.texts = texts;
        this.onOpen = onOpen;
        refresh(Instant.EPOCH);
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

    /** Takes the latest value of one of this station's signals (values only; call {@link #refresh} after). */
    void accept(String signal, TagValue value) {
        signals.put(signal, value);
    }

    /** Recomputes the texts, the quality and the age as of {@code now}. */
    void refresh(Instant now) {
        TagValue stateValue = signals.get(STATE);
        StationState s = stateValue == null || stateValue.quality() == Quality.BAD
                ? StationState.UNKNOWN : StationState.of(stateValue);
        state.set(s);
        stateText.set(texts.get("state." + s.name()));
        speedText.set(number(SPEED));
        temperatureText.set(number(TEMPERATURE));
        TagValue cycles = signals.get(CYCLES);
        cyclesText.set(cycles == null || cycles.quality() == Quality.BAD ? Texts.number(Double.NaN) : Texts.count(cycles.number()));
        Quality worst = null;
        Instant oldest = null;
        for (String signal : SHOWN) {
            TagValue v = signals.get(signal);
            Quality q = v == null ? Quality.STALE : v.quality();
            worst = worst == null || severity(q) > severity(worst) ? q : worst;
            if (v != null && (oldest == null || v.receiveTime().isBefore(oldest))) {
                oldest = v.receiveTime();
            }
        }
        quality.set(worst);
        qualityText.set(texts.quality(worst) + " \u00B7 "
                + (oldest == null ? texts.get("age.never") : texts.age(Duration.between(oldest, now))));
    }

    private String number(String signal) {
        TagValue v = signals.get(signal);
        return v == null || v.quality() == Quality.BAD ? Texts.number(Double.NaN) : Texts.number(v.number());
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
