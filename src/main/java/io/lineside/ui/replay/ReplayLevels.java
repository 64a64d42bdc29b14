package io.lineside.ui.replay;

import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.nav.LevelView;
import io.lineside.ui.nav.Navigator;
import io.lineside.ui.nav.Place;
import io.lineside.ui.plant.PlantView;
import io.lineside.ui.plant.PlantViewModel;
import io.lineside.ui.station.StationTagsView;
import io.lineside.ui.station.StationTagsViewModel;
import io.lineside.ui.station.StationView;
import io.lineside.ui.station.StationViewModel;
import io.lineside.ui.workshop.LineView;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * The display hierarchy in replay: the live views (plant overview, a line's floor plan or station tiles, a
 * station's faceplate and raw tags) on view-models that sit on the replay's tag store. The faceplate's sparklines
 * and state timeline are read from history up to the cursor, its alarms are the replayed ones, and it offers no
 * commands and no live trend. FX thread only.
 */
public final class ReplayLevels implements Function<Place, LevelView> {

    private final PlantViewModel plant;
    private final WorkshopViewModel workshop;
    private final Function<StationId, StationTagsViewModel> tags;
    private final Function<StationId, StationViewModel> faceplates;
    private final Navigator navigator;
    private final java.time.ZoneId zone;
    private final Texts texts;
    private Function<io.lineside.ui.nav.LineId, LevelView> lineViews = this::stationTiles;

    /**
     * @param faceplates a station's faceplate on the replay store (no commands set), built per visit
     * @param zone       the plant's zone, for the faceplate's times
     */
    public ReplayLevels(PlantViewModel plant, WorkshopViewModel workshop, Function<StationId, StationViewModel> faceplates,
                        Function<StationId, StationTagsViewModel> tags, Navigator navigator, Texts texts,
                        java.time.ZoneId zone) {
        this.plant = plant;
        this.workshop = workshop;
        this.faceplates = faceplates;
        this.tags = tags;
        this.navigator = navigator;
        this.zone = zone;
        this.texts = texts;
        plant.setOnOpenLine(line -> navigator.go(Place.line(line)));
        workshop.setOnOpenStation(navigator::openStation);
    }

    /** Replaces the line level: by default the line's station tiles; the replayed floor plan plugs in here. */
    public void setLineViews(Function<io.lineside.ui.nav.LineId, LevelView> views) {
        this.lineViews = views;
    }

    /** The line's station tiles on the replay store (also where the layout does not draw the line). */
    public LevelView stationTiles(io.lineside.ui.nav.LineId line) {
        LineView view = new LineView(workshop, line, texts);
        return LevelView.of(load(LineView.class, view), now -> { }, view::dispose);
    }

    @Override
    public LevelView apply(Place place) {
        return switch (place.level()) {
            case PLANT -> {
                PlantView view = new PlantView(plant, texts);
                yield LevelView.of(load(PlantView.class, view), now -> { }, view::dispose);
            }
            case LINE -> lineViews.apply(place.line());
            case STATION -> {
                StationViewModel model = faceplates.apply(place.station());
                model.setOnOpenTrend(null); // the trend window is live: not offered in a replay
                model.setOnOpenDiagnostics(s -> navigator.go(Place.diagnostics(s)));
                StationView view = new StationView(model, java.time.Clock.system(zone));
                Node node = load(StationView.class, view);
                yield LevelView.of(node, model::pulse, view::dispose);
            }
            case DIAGNOSTICS -> {
                StationTagsViewModel model = tags.apply(place.station());
                Node node = load(StationTagsView.class, new StationTagsView(model));
                yield LevelView.of(node, model::pulse, model::dispose);
            }
        };
    }

    private Node load(Class<?> type, Object controller) {
        return new ViewLoader(texts.bundle(), Map.of(type, () -> controller)).load(type);
    }
}
