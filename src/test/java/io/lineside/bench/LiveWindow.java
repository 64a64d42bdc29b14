package io.lineside.bench;

import io.lineside.app.Services;
import io.lineside.history.HistoryWriter;
import io.lineside.ui.Texts;
import io.lineside.ui.diagnostics.DiagnosticsViewModel;
import io.lineside.ui.shell.MainViewModel;
import io.lineside.ui.shell.MainWindow;
import io.lineside.ui.trend.TrendViewModel;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
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
        window = new MainWindow(main, workshop, trend, diagnostics, texts, clock.getZone(), clock);
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
        stage.close();
        queries.shutdownNow();
    }
}
