package io.lineside.bench;

import io.lineside.alarms.AlarmCommands;
import io.lineside.app.LinesideWindow;
import io.lineside.app.SecurityServices;
import io.lineside.app.Services;
import io.lineside.security.PasswordHasher;
import io.lineside.security.SecurityStoreException;
import io.lineside.ui.Texts;
import io.lineside.ui.shell.MainWindow;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
import java.util.Locale;
import javafx.stage.Stage;

/** The app's real main window ({@link LinesideWindow}) on running {@link Services}, on a stage. FX thread only. */
final class LiveWindow {

    private final SecurityServices security;
    private final LinesideWindow window;
    private final Stage stage = new Stage();

    LiveWindow(Services services, Clock clock) {
        try {
            security = new SecurityServices(services.dataDir(), "bench", clock, new PasswordHasher(1_000));
        } catch (SecurityStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        AlarmCommands commands = new AlarmCommands(services.alarms(), security.actions(), security.session());
        window = new LinesideWindow(services, security, commands, Texts.forLocale(Locale.ENGLISH), false, clock);
        stage.setWidth(1600);
        stage.setHeight(1000);
        window.show(stage, "Lineside bench");
    }

    WorkshopViewModel workshop() {
        return window.workshop();
    }

    MainWindow window() {
        return window.window();
    }

    void dispose() {
        window.dispose();
        stage.close();
        security.close();
    }
}
