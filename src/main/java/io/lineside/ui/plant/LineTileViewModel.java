package io.lineside.ui.plant;

import io.lineside.alarms.Priority;
import io.lineside.tags.Quality;
import io.lineside.tags.StationState;
import io.lineside.ui.nav.LineId;
import io.lineside.ui.Texts;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line's summary tile on the plant overview: its worst station state, output against target and active
 * alarms. FX thread only; a property is set only when what it shows differs, so an unchanged tile costs nothing.
 */
public final class LineTileViewModel {

    private final LineId id;
    private final Texts texts;
    private final Consumer<LineId> onOpen;
    private final ReadOnlyObjectWrapper<StationState> state = new ReadOnlyObjectWrapper<>(StationState.UNKNOWN);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper stationsText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper outputText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper outputPercentText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Priority> alarmPriority = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper alarmsText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(Quality.STALE);
    private int notGood;

    LineTileViewModel(LineId id, Texts texts, Consumer<LineId> onOpen) {
        this.id = id;
        this.texts = texts;
        this.onOpen = onOpen;
        stateText.set(texts.get("state." + StationState.UNKNOWN.name()));
        alarmsText.set(texts.get("plant.noAlarms"));
    }

    public LineId id() {
        return id;
    }

    public String name() {
        return id.displayName();
    }

    /** The worst state among the line's stations (FAULT over BLOCKED/STARVED over no state over IDLE over RUNNING). */
    public ReadOnlyObjectProperty<StationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /**
     * The worst quality among the line's station states; when it is not GOOD the state text says so ("Stale: 6 of
     * 6 stations, last ● Running") instead of a state nobody can vouch for.
     */
    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** "6 stations". */
    public ReadOnlyStringProperty stationsTextProperty() {
        return stationsText.getReadOnlyProperty();
    }

    /** "1,234 of 1,700 parts". */
    public ReadOnlyStringProperty outputTextProperty() {
        return outputText.getReadOnlyProperty();
    }

    /** "73 % of target". */
    public ReadOnlyStringProperty outputPercentTextProperty() {
        return outputPercentText.getReadOnlyProperty();
    }

    /** The highest priority among the line's active alarms, or null when none. */
    public ReadOnlyObjectProperty<Priority> alarmPriorityProperty() {
        return alarmPriority.getReadOnlyProperty();
    }

    /** "▲ 1 High   ■ 2 Medium", or "None active". */
    public ReadOnlyStringProperty alarmsTextProperty() {
        return alarmsText.getReadOnlyProperty();
    }

    // Commands

    /** The operator asked for this line's view. */
    public void open() {
        onOpen.accept(id);
    }

    /** Words the state again (the other texts are compared and re-set by the next {@link #show}). */
    void relocalize() {
        stateText.set(stateWords());
    }

    private String stateWords() {
        String words = texts.get("state." + state.get().name());
        return quality.get() == Quality.GOOD ? words
                : texts.get("plant.quality", texts.quality(quality.get()), notGood, words);
    }

    /** The target of a line whose plant config gives no rate: the tile shows the count alone. */
    static final long NO_TARGET = -1;

    void show(StationState worst, int stations, long output, long target, AlarmCount alarms, Quality worstQuality,
              int stationsNotGood) {
        if (worst != state.get()) {
            state.set(worst);
        }
        if (worstQuality != quality.get()) {
            quality.set(worstQuality);
        }
        notGood = stationsNotGood;
        setIfDifferent(stateText, stateWords());
        setIfDifferent(stationsText, texts.get("plant.stations", stations));
        setIfDifferent(outputText, target == NO_TARGET ? texts.get("plant.outputOnly", grouped(output))
                : texts.get("plant.outputValue", grouped(output), grouped(target)));
        setIfDifferent(outputPercentText, target <= 0 ? ""
                : texts.get("plant.outputPercent", Math.round(100.0 * output / target)));
        if (alarms.highest() != alarmPriority.get()) {
            alarmPriority.set(alarms.highest());
        }
        setIfDifferent(alarmsText, alarms.isEmpty() ? texts.get("plant.noAlarms") : alarms.text(texts));
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void setIfDifferent(ReadOnlyStringWrapper property, String text) {
        if (!text.equals(property.get())) {
            property.set(text);
        }
    }
}
