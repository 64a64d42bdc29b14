package io.lineside.app;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmReplay;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.ViewerAlarmActions;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.ReplayHistory;
import io.lineside.history.ReplayRecording;
import io.lineside.replay.ReplaySource;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.alarms.AlarmBannerView;
import io.lineside.ui.alarms.AlarmBannerViewModel;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import io.lineside.ui.station.StationHistory;
import io.lineside.ui.station.StationViewModel;
import io.lineside.ui.layout.FloorPlanLines;
import io.lineside.ui.nav.NavigationView;
import io.lineside.ui.nav.Navigator;
import io.lineside.ui.nav.Place;
import io.lineside.ui.shell.Levels;
import io.lineside.ui.plant.PlantViewModel;
import io.lineside.ui.replay.ReplayView;
import io.lineside.ui.replay.ReplayViewModel;
import io.lineside.ui.station.StationTagsViewModel;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * Composes replay mode: the one switch point from live to recorded. A replay window gets a tag store of its own,
 * fed frame by frame from the history file ({@link ReplayViewModel}), and the live view-models (plant overview, line
 * tiles, raw tags) are built on that store instead of the live one; the views are the live views, unchanged.
 * FX thread only.
 */
final class ReplaySetup {

    /** Where the cursor starts: this long before the end of the window (the live instant it was opened at). */
    static final Duration LEAD = Duration.ofMinutes(10);
    /** How far past a journal event its replay window reaches (up to the live instant). */
    static final Duration WINDOW_AFTER = Duration.ofHours(1);

    private final HistoryDatabase database;
    private final io.lineside.history.HistoryQuery query;
    private final TagStore live;
    private final StationCatalog stations;
    private final List<AlarmDefinition> definitions;
    private final AlarmBannerViewModel liveBanner;
    private final ToDoubleFunction<io.lineside.ui.nav.LineId> targetPerHour;
    private final Function<Instant, Instant> windowStart;
    private final Executor queries;
    private final Texts texts;
    private final ZoneId zone;
    private final Clock clock;
    private java.util.function.Supplier<java.util.Optional<io.lineside.layout.Layout>> layouts = java.util.Optional::empty;

    /**
     * @param windowStart the start of the window that holds an instant (its shift's start, or 8 h before)
     * @param queries     the background executor for history reads
     */
    ReplaySetup(Services services, AlarmBannerViewModel liveBanner,
                ToDoubleFunction<io.lineside.ui.nav.LineId> targetPerHour, Function<Instant, Instant> windowStart,
                Executor queries, Texts texts, ZoneId zone, Clock clock) {
        this.database = services.database();
        this.query = services.query();
        this.live = services.store();
        this.stations = services.stations();
        this.definitions = services.alarms().definitions();
        this.liveBanner = liveBanner;
        this.targetPerHour = targetPerHour;
        this.windowStart = windowStart;
        this.queries = queries;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * The layout the live floor plans draw (read when a replay's line is opened): a replayed line shows the same
     * plan, on the replay's store, with the replayed alarms' markers and no "Reload layout".
     */
    void setLayouts(java.util.function.Supplier<java.util.Optional<io.lineside.layout.Layout>> layouts) {
        this.layouts = layouts;
    }

    /** A new replay of the window that holds now, the cursor {@link #LEAD} before now. */
    Parent view() {
        Instant now = clock.instant();
        return view(windowStart.apply(now), now, now.minus(LEAD));
    }

    /**
     * A new replay of the moments before {@code event} (a journal row): the window that holds it, reaching at least
     * {@link #LEAD} before it and up to the live instant, the cursor {@link #LEAD} before the event.
     */
    Parent viewBefore(Instant event) {
        Instant now = clock.instant();
        Instant at = event.minus(LEAD);
        Instant from = windowStart.apply(event);
        if (from.isAfter(at)) {
            from = at; // an alarm early in its shift: the window starts where the cursor does
        }
        Instant to = event.plus(WINDOW_AFTER).isBefore(now) ? event.plus(WINDOW_AFTER) : now;
        return view(from, to.isAfter(event) ? to : event, at);
    }

    /** A new replay of {@code [from, to]}, the cursor at {@code at}. */
    Parent view(Instant from, Instant to, Instant at) {
        Map<String, AlarmDefinition> byId = new java.util.HashMap<>();
        definitions.forEach(d -> byId.put(d.id(), d));
        TagStore[] replayStore = new TagStore[1];
        ReplayViewModel model = new ReplayViewModel((a, b) -> {
            ReplaySource source = load(a, b, byId);
            describe(live, replayStore[0], source.tags());
            return source;
        }, queries, Platform::runLater, texts, zone);
        TagStore store = model.store();
        replayStore[0] = store;
        java.util.function.Supplier<AlarmSnapshot> alarms = () -> model.frame() == null
                ? AlarmSnapshot.empty(from) : model.frame().banner();
        StationCatalog replayedStations = stations.over(store);
        PlantViewModel plant = new PlantViewModel(store, alarms, targetPerHour, texts);
        WorkshopViewModel workshop = new WorkshopViewModel(store, replayedStations, texts);
        Function<io.lineside.tags.StationId, StationTagsViewModel> tags =
                id -> new StationTagsViewModel(id, store, texts, zone);
        model.addReceiver(plant::pulse);
        model.addReceiver(workshop::pulse);
        // The faceplate's alarm list: the replayed alarms as summary rows. The faceplate offers no alarm command;
        // were one reached, it is refused (nothing in a replay may act on the live engine).
        AlarmSummaryViewModel replayedAlarms = new AlarmSummaryViewModel(alarms, definitions, List::of,
                new ViewerAlarmActions(), texts, zone, Platform::runLater);
        model.addReceiver(replayedAlarms::pulse);
        Function<io.lineside.tags.StationId, StationViewModel> faceplates = id -> {
            StationViewModel faceplate = new StationViewModel(id, store, replayedStations, replayedAlarms.rows(),
                    StationHistory.of(query), queries, Platform::runLater, texts);
            faceplate.setTimelineStart(now -> from); // the state timeline from the window's start to the cursor
            return faceplate;
        };
        Navigator navigator = new Navigator(texts);
        plant.setOnOpenLine(line -> navigator.go(Place.line(line)));
        workshop.setOnOpenStation(navigator::openStation);
        // The live hierarchy's levels on the replay's view-models, "now" being the cursor; no full trend (it is live).
        Clock cursor = new CursorClock(() -> model.frame() == null ? at : model.frame().at(), zone);
        Levels levels = new Levels(new Levels.Models(plant, workshop, faceplates, tags), navigator, texts, cursor, null);
        levels.setLineViews(new FloorPlanLines(store, texts, Platform::runLater, null, layouts,
                navigator::openStation, levels::stationTiles).withStationModel(replayedStations::describe)
                .withAlarms(alarms).replayedAt(cursor::instant));
        NavigationView navigation = new NavigationView(navigator, levels);
        Parent hierarchy = load(NavigationView.class, navigation);
        Parent banner = load(AlarmBannerView.class, new AlarmBannerView(liveBanner));
        ReplayView view = new ReplayView(model, banner, hierarchy, navigation::pulse, texts, () -> {
            io.lineside.ui.Views.dispose(banner); // it listens to the live banner's model, which outlives this window
            navigation.dispose();
            plant.dispose();
            workshop.dispose();
        });
        model.load(from, to, at);
        return view.root();
    }

    /** Background thread: the window from history, the tags' units and ranges copied from the live store. */
    private ReplaySource load(Instant from, Instant to, Map<String, AlarmDefinition> byId) throws Exception {
        ReplayRecording recording = new ReplayHistory(database).load(from, to);
        return new ReplaySource(recording, new AlarmReplay(recording.alarmsBefore(), recording.alarmEvents(),
                byId::get));
    }

    /** Copies what the configuration says about each replayed tag (units, ranges) into the replay store. */
    static void describe(TagStore from, TagStore to, Iterable<TagPath> paths) {
        for (TagPath p : paths) {
            to.describe(p, from.meta(p));
        }
    }

    private Parent load(Class<?> type, Object controller) {
        return new ViewLoader(texts.bundle(), Map.of(type, () -> controller)).load(type);
    }

    /** The replay's cursor as a clock: what the live levels call "now". */
    private static final class CursorClock extends Clock {
        private final java.util.function.Supplier<Instant> cursor;
        private final ZoneId zone;

        CursorClock(java.util.function.Supplier<Instant> cursor, ZoneId zone) {
            this.cursor = cursor;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new CursorClock(cursor, other);
        }

        @Override
        public Instant instant() {
            return cursor.get();
        }
    }
}
