package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Screenshots;
import io.lineside.ui.theme.Theme;
import io.lineside.ui.window.DisplayPrefs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Assumptions;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The README's pictures of the living demo: the real demo composition (embedded broker, simulator, spine, alarms,
 * demo accounts) with the operator signed in, after a minute of running. Off by default (a minute each);
 * regenerate with {@code ./mvnw test -Dtest=ReadmeScreenshotsIT -Dlineside.readmeShots=true} (or {@code =en-dark}
 * for one variant) and copy
 * {@code target/screenshots/demo-*.png} (a line's floor plan) and {@code plant-*.png} (the plant overview) to docs/images.
 */
class ReadmeScreenshotsIT extends FxRobot {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN", "en-dark", "en-touch"})
    void theDemoAfterAMinute(String variant) throws Exception {
        String wanted = System.getProperty("lineside.readmeShots", "");
        Assumptions.assumeTrue(wanted.equals("true") || wanted.equals(variant),
                "set -Dlineside.readmeShots=true (or =" + variant + " for this one)");
        String language = variant.startsWith("zh-CN") ? "zh-CN" : "en";
        // The night theme and touch size come from the workstation's saved display settings, as on a station.
        if (variant.endsWith("-dark")) {
            new WorkstationPrefs(dir).save(DisplayPrefs.DEFAULT.withTheme(Theme.DARK));
        } else if (variant.endsWith("-touch")) {
            new WorkstationPrefs(dir).save(DisplayPrefs.DEFAULT.withTouch(true));
        }
        try (LiveDemo live = LiveDemo.start(dir, "readme-" + variant, "operator")) {
            Services services = live.services;
            LinesideWindow[] window = new LinesideWindow[1];
            FxToolkit.setupStage(stage -> {
                window[0] = live.window(language);
                stage.setWidth(1600);
                stage.setHeight(1000);
                window[0].show(stage, "Lineside");
            });
            Thread.sleep(30_000);
            interact(() -> Screenshots.save(window[0].window().scene().getRoot(), "plant-" + variant));
            // The README's main picture: the floor plan of the line with the newest alarm (line 1 when none), after
            // half a minute on it, so its sparklines have a history (a plan's sparklines start when it is opened).
            io.lineside.tags.StationId shown = services.alarms().snapshot().alarms().stream()
                    .map(a -> a.definition().station()).findFirst()
                    .orElse(new io.lineside.tags.StationId("demo", "assembly", "line-1", "press"));
            interact(() -> window[0].window().navigator().go(io.lineside.ui.nav.Place.line(
                    io.lineside.ui.nav.LineId.of(shown))));
            Thread.sleep(30_000);
            assertTrue(services.store().paths().size() >= 90, "18 stations x 5 signals, plus reasons of stopped stations");
            interact(() -> Screenshots.save(window[0].window().scene().getRoot(), "demo-" + variant));
            FxToolkit.cleanupStages();
            interact(() -> window[0].dispose());
        }
    }
}
