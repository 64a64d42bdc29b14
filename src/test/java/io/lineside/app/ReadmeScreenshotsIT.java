package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.security.PasswordHasher;
import io.lineside.telemetry.ConnectionState;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
 * regenerate with {@code ./mvnw test -Dtest=ReadmeScreenshotsIT -Dlineside.readmeShots=true} and copy
 * {@code target/screenshots/demo-*.png} to docs/images.
 */
class ReadmeScreenshotsIT extends FxRobot {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theDemoAfterAMinute(String language) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("lineside.readmeShots"), "set -Dlineside.readmeShots=true");
        Clock clock = Clock.systemDefaultZone();
        try (Demo demo = Demo.start(clock);
             Services services = new Services(AppConfig.demo(), demo.brokerUrl(), "readme-" + language, dir, clock);
             SecurityServices security = new SecurityServices(dir, "readme", clock, new PasswordHasher(1_000))) {
            Eventually.await("online", Duration.ofSeconds(10),
                    () -> services.connection().status().state() == ConnectionState.ONLINE);
            demo.startSimulator(AppConfig.DEFAULT_TOPIC_PREFIX);
            security.seedDemoUsers();
            security.session().login("operator", "operator-demo".toCharArray());
            AlarmCommands commands = new AlarmCommands(services.alarms(), security.actions(), security.session());
            LinesideWindow[] window = new LinesideWindow[1];
            FxToolkit.setupStage(stage -> {
                window[0] = new LinesideWindow(services, security, commands,
                        Texts.forLocale(Locale.forLanguageTag(language)), true, clock);
                stage.setWidth(1600);
                stage.setHeight(1000);
                window[0].show(stage, "Lineside");
            });
            Thread.sleep(60_000);
            assertTrue(services.store().paths().size() >= 90, "18 stations x 5 signals, plus reasons of stopped stations");
            interact(() -> Screenshots.save(window[0].window().scene().getRoot(), "demo-" + language));
            FxToolkit.cleanupStages();
            interact(() -> window[0].dispose());
        }
    }
}
