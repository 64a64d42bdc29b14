package io.lineside.ui.workshop;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One production line of the overview: its name and its station tiles in the order first seen. */
public final class LineViewModel {

    private final io.lineside.ui.nav.LineId id;
    private final String name;
    private final ObservableList<StationTileViewModel> stations = FXCollections.observableArrayList();
    private final ObservableList<StationTileViewModel> readOnlyStations = FXCollections.unmodifiableObservableList(stations);

    LineViewModel(io.lineside.ui.nav.LineId id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The line's address (what the display hierarchy navigates by). */
    public io.lineside.ui.nav.LineId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ObservableList<StationTileViewModel> stations() {
        return readOnlyStations;
    }

    void add(StationTileViewModel tile) {
        stations.add(tile);
    }
}
