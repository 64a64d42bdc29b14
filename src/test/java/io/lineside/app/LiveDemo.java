package io.lineside.app;

import io.lineside.alarms.AlarmCommands;
import io.lineside.security.PasswordHasher;
import io.lineside.telemetry.ConnectionState;
import io.lineside.testsupport.Eventually;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The README's run command, composed in the test JVM: the embedded broker with the line simulator publishing,
 * the services recording into {@code dir}, security with the demo users (one of them logged in), and the alarm
 * commands. Window tests build their {@link LinesideWindow} from it on a stage of their choice.
 */
final class LiveDemo implements AutoCloseable {

    final Clock clock;
    final Demo demo;
    final Services services;
    final SecurityServices security;
    final AlarmCommands commands;

    private LiveDemo(Clock clock, Demo demo, Services services, SecurityServices security) {
        this.clock = clock;
        this.demo = demo;
        this.services = services;
        this.security = security;
        this.commands = new AlarmCommands(services.alarms(), security.actions(), security.session());
    }

    /**
     * Starts it all and waits until the services are online and the simulator publishes.
     *
     * @param user     a demo user to log in ("operator", "admin", …), or null to seed nobody and stay logged out
     */
    static LiveDemo start(Path dir, String name, String user) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        Demo demo = Demo.start(clock);
        Services services = null;
        SecurityServices security = null;
        try {
            services = new Services(AppConfig.demo(), demo.brokerUrl(), name, dir, clock);
            security = new SecurityServices(dir, name, clock, new PasswordHasher(1_000));
            Services online = services;
            Eventually.await("online", Duration.ofSeconds(10),
                    () -> online.connection().status().state() == ConnectionState.ONLINE);
            demo.startSimulator(AppConfig.DEFAULT_TOPIC_PREFIX);
            if (user != null) {
                security.seedDemoUsers();
                security.session().login(user, (user + "-demo").toCharArray());
            }
            return new LiveDemo(clock, demo, services, security);
        } catch (Exception | Error e) {
            closeAll(security, services, demo);
            throw e;
        }
    }

    /** The main window as the README's run command builds it, in {@code language} ("en", "zh-CN"). */
    LinesideWindow window(String language) {
        return window(Texts.forLocale(Locale.forLanguageTag(language)));
    }

    LinesideWindow window(Texts texts) {
        return new LinesideWindow(services, security, commands, texts, true, clock);
    }

    @Override
    public void close() throws Exception {
        closeAll(security, services, demo);
    }

    private static void closeAll(AutoCloseable... parts) throws Exception {
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
