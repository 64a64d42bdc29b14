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
import io.lineside.ui.workshop.LineView;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * The display hierarchy in replay: the live views (plant overview, a line's floor plan or station tiles, a
 * station's raw tags) on view-models that sit on the replay's tag store. A station opens its raw tags (values,
 * qualities and ages at the cursor); the faceplate, whose sparklines query live history, is not offered in replay.
 * FX thread only.
 */
public final class ReplayLevels implements Function<Place, LevelView> {

    private final PlantViewModel plant;
    private final WorkshopViewModel workshop;
    private final Function<StationId, StationTagsViewModel> tags;
    private final Texts texts;
    private Function<io.lineside.ui.nav.LineId, LevelView> lineViews = this::stationTiles;

    public ReplayLevels(PlantViewModel plant, WorkshopViewModel workshop, Function<StationId, StationTagsViewModel> tags,
                 Navigator navigator, Texts texts) {
        this.plant = plant;
        this.workshop = workshop;
        this.tags = tags;
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
            case STATION, DIAGNOSTICS -> {
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
