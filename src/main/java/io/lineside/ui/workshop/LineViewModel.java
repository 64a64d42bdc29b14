package io.lineside.ui.workshop;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One production line of the overview: its name and its station tiles in the order first seen. */
public final class LineViewModel {

    private final String name;
    private final ObservableList<StationTileViewModel> stations = FXCollections.observableArrayList();
    private final ObservableList<StationTileViewModel> readOnlyStations = FXCollections.unmodifiableObservableList(stations);

    LineViewModel(String name) {
        this.name = name;
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
