package io.lineside.bench;

import io.lineside.app.Services;
import io.lineside.history.HistoryWriter;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmActions;
import io.lineside.ui.alarms.AlarmBannerViewModel;
import io.lineside.ui.alarms.AlarmHorn;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import io.lineside.ui.diagnostics.DiagnosticsViewModel;
import io.lineside.ui.shell.MainViewModel;
import io.lineside.ui.shell.MainWindow;
import io.lineside.ui.trend.TrendViewModel;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The real main window on running {@link Services}, wired as {@code app.LinesideWindow} wires it (that class is
 * package-private to the composition root). FX thread only.
 */
final class LiveWindow {

    private final ExecutorService queries = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("bench-ui-queries").daemon().unstarted(r));
    private final WorkshopViewModel workshop;
    private final MainWindow window;
    private final Stage stage = new Stage();
    private final AlarmHorn horn = new AlarmHorn();
    /** The benchmarks watch; they never acknowledge or shelve. */
    private static final AlarmActions NO_COMMANDS = new AlarmActions() {
        @Override
        public CompletableFuture<Outcome> acknowledge(List<String> ids, String note) {
            return CompletableFuture.completedFuture(new Outcome(0, List.of("benchmark window: no commands")));
        }

        @Override
        public CompletableFuture<Outcome> shelve(String id, Duration duration, String reason) {
            return CompletableFuture.completedFuture(new Outcome(0, List.of("benchmark window: no commands")));
        }

        @Override
        public CompletableFuture<Outcome> unshelve(String id, String note) {
            return CompletableFuture.completedFuture(new Outcome(0, List.of("benchmark window: no commands")));
        }
    };

    LiveWindow(Services services, Clock clock) {
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        HistoryWriter writer = services.writer();
        MainViewModel main = new MainViewModel(new MainViewModel.Sources(
                services.connection()::status,
                services.pipeline().diagnostics()::snapshot,
                () -> new MainViewModel.HistoryStatus(writer.writtenCount(), writer.droppedCount(), writer.lastError()),
                services.dataDir().toString(), false), texts, clock.getZone());
        workshop = new WorkshopViewModel(services.store(), texts);
        TrendViewModel trend = new TrendViewModel(services.query()::trend, queries, Platform::runLater, texts);
        DiagnosticsViewModel diagnostics = new DiagnosticsViewModel(services.pipeline().diagnostics()::snapshot,
                services.pipeline().diagnostics()::unknownTopics, texts, clock.getZone());
        MainWindow.Alarms alarms = new MainWindow.Alarms(
                new AlarmBannerViewModel(services.alarms()::snapshot, horn, texts, clock.getZone()),
                new AlarmSummaryViewModel(services.alarms()::snapshot, services.alarms().definitions(),
                        services.alarms()::shelved, NO_COMMANDS,
                        texts, clock.getZone(), Platform::runLater));
        window = new MainWindow(main, workshop, trend, diagnostics, alarms, texts, clock.getZone(), clock);
        stage.setScene(window.scene());
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
        window.start();
    }

    WorkshopViewModel workshop() {
        return workshop;
    }

    MainWindow window() {
        return window;
    }

    void dispose() {
        window.dispose();
        horn.close();
        stage.close();
        queries.shutdownNow();
    }
}
