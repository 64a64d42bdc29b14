package io.lineside.ui.shell;

import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.nav.LevelView;
import io.lineside.ui.nav.LineId;
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
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * Builds the view of each place of the display hierarchy, a new one per visit. The plant and line views sit on
 * the window's long-lived view-models (pulsed by the window, so output counts and tiles stay current while the
 * operator is elsewhere); a station's faceplate and raw tags get a view-model of their own, fed while shown.
 * FX thread only.
 */
public final class Levels implements Function<Place, LevelView> {

    /** The view-models behind the hierarchy's levels. */
    public record Models(PlantViewModel plant, WorkshopViewModel workshop,
                         Function<StationId, StationViewModel> stations,
                         Function<StationId, StationTagsViewModel> tags) {
    }

    private final Models models;
    private final Navigator navigator;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<StationId> openTrend;
    private Function<LineId, LevelView> lineViews;

    /**
     * @param clock     "now" for a view's first frame, and the zone of its times (a replay passes its cursor)
     * @param openTrend opens a station's full trend; null where none is offered (a replay: the trend is live),
     *                  and the faceplate hides its button
     */
    public Levels(Models models, Navigator navigator, Texts texts, Clock clock, Consumer<StationId> openTrend) {
        this.models = models;
        this.navigator = navigator;
        this.texts = texts;
        this.clock = clock;
        this.openTrend = openTrend;
        this.lineViews = this::stationTiles;
    }

    /**
     * Replaces the line level (L2): by default the line's station tiles; the floor plan plugs in here.
     * Each call of {@code views} must return a new view; the host disposes it when the operator leaves.
     */
    public void setLineViews(Function<LineId, LevelView> views) {
        this.lineViews = views;
    }

    @Override
    public LevelView apply(Place place) {
        return switch (place.level()) {
            case PLANT -> plant();
            case LINE -> lineViews.apply(place.line());
            case STATION -> station(place.station());
            case DIAGNOSTICS -> tags(place.station());
        };
    }

    private LevelView plant() {
        PlantView view = new PlantView(models.plant(), texts);
        Node node = load(PlantView.class, view);
        return LevelView.of(node, now -> { }, view::dispose);
    }

    /** The default line level: the line's station tiles (also where a floor plan has no drawing of the line). */
    public LevelView stationTiles(LineId line) {
        LineView view = new LineView(models.workshop(), line, texts);
        Node node = load(LineView.class, view);
        return LevelView.of(node, now -> { }, view::dispose);
    }

    private LevelView station(StationId id) {
        StationViewModel model = models.stations().apply(id);
        model.setOnOpenTrend(openTrend);
        model.setOnOpenDiagnostics(s -> navigator.go(Place.diagnostics(s)));
        StationView view = new StationView(model, clock);
        Node node = load(StationView.class, view);
        model.pulse(clock.instant()); // values and the first history reads before the first frame
        return LevelView.of(node, model::pulse, view::dispose);
    }

    private LevelView tags(StationId id) {
        StationTagsViewModel model = models.tags().apply(id);
        Node node = load(StationTagsView.class, new StationTagsView(model));
        model.pulse(clock.instant());
        return LevelView.of(node, model::pulse, model::dispose); // the model's tracker closes with the view
    }

    private Node load(Class<?> type, Object controller) {
        return new ViewLoader(texts.bundle(), Map.of(type, () -> controller)).load(type);
    }
}
