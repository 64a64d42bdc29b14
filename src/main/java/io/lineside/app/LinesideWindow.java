package io.lineside.app;

import io.lineside.history.HistoryWriter;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmActions;
import io.lineside.ui.alarms.AlarmBannerViewModel;
import io.lineside.ui.alarms.AlarmHorn;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import io.lineside.ui.diagnostics.DiagnosticsViewModel;
import io.lineside.ui.review.JournalViewModel;
import io.lineside.ui.review.KpiViewModel;
import io.lineside.ui.security.SessionViewModel;
import io.lineside.ui.security.UsersViewModel;
import io.lineside.ui.shell.MainViewModel;
import io.lineside.ui.shell.Levels;
import io.lineside.ui.shell.MainWindow;
import io.lineside.ui.plant.PlantViewModel;
import io.lineside.ui.station.StationHistory;
import io.lineside.ui.station.StationTagsViewModel;
import io.lineside.ui.station.StationViewModel;
import io.lineside.ui.trend.TrendSource;
import io.lineside.ui.trend.TrendViewModel;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Builds the main window's view-models from the running {@link Services}. FX thread only. */
public final class LinesideWindow {

    private final MainWindow window;
    private final WorkshopViewModel workshop;
    private final PlantViewModel plant;
    /** The shift calendar a faceplate's timeline follows; FX thread only. */
    private java.util.List<StationProfile.Shift> shifts = java.util.List.of();
    private final SessionViewModel session;
    private final ExecutorService queries = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-ui-queries").daemon().unstarted(r));
    private final ExecutorService auth = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-ui-auth").daemon().unstarted(r));

    private final AlarmHorn horn = new AlarmHorn();

    /** @param alarmActions the operator's alarm commands, secured and audited ({@link AlarmCommands}) */
    public LinesideWindow(Services services, SecurityServices security, AlarmActions alarmActions, Texts texts,
                          boolean demo, Clock clock) {
        ZoneId zone = clock.getZone();
        HistoryWriter writer = services.writer();
        MainViewModel main = new MainViewModel(new MainViewModel.Sources(
                services.connection()::status,
                services.pipeline().diagnostics()::snapshot,
                () -> new MainViewModel.HistoryStatus(writer.writtenCount(), writer.droppedCount(), writer.lastError(),
                        writer.delayed()),
                services.dataDir().toString(), demo), texts, zone);
        workshop = new WorkshopViewModel(services.store(), texts);
        TrendViewModel trend = new TrendViewModel(TrendSource.of(services.query()), queries, Platform::runLater, texts);
        DiagnosticsViewModel diagnostics = new DiagnosticsViewModel(services.pipeline().diagnostics()::snapshot,
                services.pipeline().diagnostics()::unknownTopics, texts, zone);
        session = new SessionViewModel(security.session(), security.users(), auth, Platform::runLater, texts, zone);
        UsersViewModel users = new UsersViewModel(security.users(), security.session(), security.actions(),
                security.audit(), auth, Platform::runLater, texts);
        AlarmService alarms = services.alarms();
        MainWindow.Alarms alarmViews = new MainWindow.Alarms(
                new AlarmBannerViewModel(alarms::snapshot, horn, texts, zone),
                new AlarmSummaryViewModel(alarms::snapshot, alarms.definitions(), alarms::shelved, alarmActions,
                        texts, zone, Platform::runLater));
        JournalViewModel journal = new JournalViewModel(alarms.journal(),
                new AlarmJournalExport(security.actions(), texts), queries, Platform::runLater, texts, clock);
        KpiViewModel kpis = new KpiViewModel(alarms.journal(), queries, Platform::runLater, texts, clock);
        plant = new PlantViewModel(services.store(), alarms::snapshot, line -> PlantViewModel.DEMO_TARGET_PER_HOUR,
                texts);
        Levels.Models hierarchy = new Levels.Models(plant, workshop, station -> {
                    StationViewModel faceplate = new StationViewModel(station, services.store(), alarms.definitions(),
                            alarmViews.summary().rows(), StationHistory.of(services.query()), queries,
                            Platform::runLater, texts);
                    java.util.List<StationProfile.Shift> calendar = shifts;
                    faceplate.setTimelineStart(now -> CurrentShift.start(calendar, now, zone).orElse(null));
                    return faceplate;
                },
                station -> new StationTagsViewModel(station, services.store(), texts, zone));
        window = new MainWindow(new MainWindow.Models(main, workshop, trend, diagnostics, session, users, alarmViews,
                journal, kpis, hierarchy), security.session()::touch, texts, zone, clock);
    }

    /**
     * Applies a workstation's profile: the plant overview and tiles show only its areas and lines, and a faceplate's
     * state timeline covers the current shift of its calendar (the last 8 h when none runs).
     */
    public void useStationProfile(StationProfile profile) {
        workshop.showOnly(profile::shows);
        plant.showOnly(profile::shows);
        shifts = profile.shifts();
    }

    public WorkshopViewModel workshop() {
        return workshop;
    }

    public MainWindow window() {
        return window;
    }

    /** Shows the window on {@code stage} and starts the pulse. */
    public void show(Stage stage, String title) {
        stage.setTitle(title);
        stage.setScene(window.scene());
        stage.show();
        window.start();
    }

    public void dispose() {
        window.dispose();
        session.dispose();
        horn.close();
        queries.shutdownNow();
        auth.shutdownNow();
    }
}
