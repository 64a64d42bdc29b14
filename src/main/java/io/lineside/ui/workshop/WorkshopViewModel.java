package io.lineside.ui.workshop;

import io.lineside.tags.DirtyTracker;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workshop overview: one tile per station, grouped by line, discovered from the tags as they arrive.
 *
 * <p>FX thread only. {@link #pulse} drains the tags that changed since the last pulse, so its cost follows
 * the number of changed tags, not the message rate; ages are refreshed for all tiles four times a second.
 */
public final class WorkshopViewModel {

    static final Duration AGE_REFRESH = Duration.ofMillis(250);

    private final TagStore store;
    private final DirtyTracker tracker;
    private final Texts texts;
    private final Map<String, LineViewModel> linesByName = new LinkedHashMap<>();
    private final Map<StationId, StationTileViewModel> tiles = new HashMap<>();
    private final ObservableList<LineViewModel> lines = FXCollections.observableArrayList();
    private final ObservableList<LineViewModel> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final Set<StationTileViewModel> changed = new HashSet<>();
    private Consumer<StationId> onOpenStation = id -> { };
    private Instant lastAgeRefresh = Instant.EPOCH;

    public WorkshopViewModel(TagStore store, Texts texts) {
        this.store = store;
        this.texts = texts;
        this.tracker = store.newTracker();
    }

    public ObservableList<LineViewModel> lines() {
        return readOnlyLines;
    }

    /** The tile of a station, or null if it has not reported yet. */
    public StationTileViewModel tile(StationId id) {
        return tiles.get(id);
    }

    /** Who opens a station's detail (the trend pane) when the operator clicks its tile. */
    public void setOnOpenStation(Consumer<StationId> handler) {
        this.onOpenStation = handler;
    }

    // Commands

    /**
     * Applies what changed since the last pulse. FX thread only.
     *
     * @return how many tags were drained
     */
    public int pulse(Instant now) {
        int drained = tracker.drain(path -> tileFor(path).accept(path.signal(), store.get(path)));
        for (StationTileViewModel tile : changed) {
            tile.refresh(now);
        }
        changed.clear();
        if (Duration.between(lastAgeRefresh, now).compareTo(AGE_REFRESH) >= 0) {
            lastAgeRefresh = now;
            tiles.values().forEach(tile -> tile.refresh(now));
        }
        return drained;
    }

    public void openStation(StationId id) {
        onOpenStation.accept(id);
    }

    /** Stops listening to the store. */
    public void dispose() {
        tracker.close();
    }

    private StationTileViewModel tileFor(TagPath path) {
        StationId id = path.stationId();
        StationTileViewModel tile = tiles.get(id);
        if (tile == null) {
            tile = new StationTileViewModel(id, texts, this::openStation);
            tiles.put(id, tile);
            String lineKey = id.site() + '/' + id.area() + '/' + id.line();
            LineViewModel line = linesByName.get(lineKey);
            if (line == null) {
                line = new LineViewModel(id.area() + " / " + id.line());
                linesByName.put(lineKey, line);
                lines.add(line);
            }
            line.add(tile);
        }
        changed.add(tile);
        return tile;
    }
}
