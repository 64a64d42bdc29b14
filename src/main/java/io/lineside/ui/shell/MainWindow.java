package io.lineside.ui.shell;

import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.trend.TrendView;
import io.lineside.ui.trend.TrendViewModel;
import io.lineside.ui.workshop.WorkshopView;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The main window's content: frame, workshop overview and trend pane, wired to their view-models and
 * driven by one {@link Pulse}. FX thread only.
 */
public final class MainWindow {

    private final WorkshopViewModel workshop;
    private final Pulse pulse;
    private final Scene scene;

    public MainWindow(MainViewModel main, WorkshopViewModel workshop, TrendViewModel trend, Texts texts,
                      java.time.ZoneId zone, Clock clock) {
        this.workshop = workshop;
        workshop.setOnOpenStation(id -> trend.open(id, clock.instant()));
        Map<Class<?>, Supplier<?>> controllers = Map.of(
                MainView.class, () -> new MainView(main),
                WorkshopView.class, () -> new WorkshopView(workshop, texts),
                TrendView.class, () -> new TrendView(trend, texts, zone));
        Parent root = new ViewLoader(texts.bundle(), controllers).load(MainView.class);
        scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("/io/lineside/ui/lineside.css").toExternalForm());
        pulse = new Pulse(clock, List.of(main::pulse, workshop::pulse, trend::pulse));
    }

    public Scene scene() {
        return scene;
    }

    public Pulse pulse() {
        return pulse;
    }

    /** Starts pulling live data into the views. */
    public void start() {
        pulse.start();
    }

    /** Stops the pulse and detaches from the tag store. */
    public void dispose() {
        pulse.stop();
        workshop.dispose();
    }
}
