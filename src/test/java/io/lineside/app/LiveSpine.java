package io.lineside.app;

import io.lineside.alarms.AlarmCommands;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.telemetry.ConnectionState;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * What the headless window flows run on: a real Mosquitto, the {@link Services} spine (demo config) and the
 * station's security in a temp directory, connected, with a first administrator so the first-run panel does not
 * cover the plant. Closed in reverse order of need: spine, security, broker.
 */
final class LiveSpine implements AutoCloseable {

    final Mosquitto broker;
    final Services services;
    final SecurityServices security;
    private final String adminPassword;

    private LiveSpine(Mosquitto broker, Services services, SecurityServices security, String adminPassword) {
        this.broker = broker;
        this.services = services;
        this.security = security;
        this.adminPassword = adminPassword;
    }

    /** Starts everything under {@code dir} and waits until the spine is online (10 s at most). */
    static LiveSpine start(Path dir, String workstation, String adminPassword) throws Exception {
        Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
        Services services = null;
        try {
            services = new Services(AppConfig.demo(), broker.url(), "lineside-" + workstation + "-" + System.nanoTime(),
                    dir.resolve("data"), Clock.systemDefaultZone());
            SecurityServices security = new SecurityServices(dir.resolve("data"), workstation, Clock.systemUTC(),
                    new PasswordHasher(1_000));
            LiveSpine spine = new LiveSpine(broker, services, security, adminPassword);
            security.users().createFirstAdmin("admin", adminPassword.toCharArray());
            Services connected = services;
            Eventually.await("connected", Duration.ofSeconds(10),
                    () -> connected.connection().status().state() == ConnectionState.ONLINE);
            return spine;
        } catch (Exception | AssertionError e) {
            if (services != null) {
                services.close();
            }
            broker.close();
            throw e;
        }
    }

    /** Creates {@code name} with {@code role} as the administrator (who stays signed in). */
    void addUser(String name, String displayName, Role role, String password) throws Exception {
        security.session().login("admin", adminPassword.toCharArray());
        security.users().createUser(security.session(), name, displayName, role, password.toCharArray());
    }

    /** The secured, audited alarm commands of whoever is signed in. */
    AlarmCommands commands() {
        return new AlarmCommands(services.alarms(), security.actions(), security.session());
    }

    @Override
    public void close() throws Exception {
        services.close();
        security.close();
        broker.close();
    }
}
