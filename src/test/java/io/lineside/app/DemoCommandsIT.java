package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.commands.CommandOutcome;
import io.lineside.commands.CommandRequest;
import io.lineside.commands.CommandService;
import io.lineside.security.PasswordHasher;
import io.lineside.sim.LineSimulator;
import io.lineside.sim.SimPlant;
import io.lineside.tags.TagPath;
import io.lineside.telemetry.MqttPublisher;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo closes the loop: its simulator obeys the demo's writable signals, and the read-back confirms them. */
class DemoCommandsIT {

    static final String PRESS = "demo/assembly/line-1/press/";

    @TempDir
    Path dir;

    @Test
    void theSimulatorObeysRateAndStopStart() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            SimPlant plant = SimPlant.demo("lineside", 42);
            try (MqttPublisher publisher = new MqttPublisher(broker.url(), "sim-" + System.nanoTime(), 1)
                         .listen("lineside/+/+/+/+/+/set", plant::command).connect(Duration.ofSeconds(10));
                 LineSimulator sim = new LineSimulator(plant, publisher::publish, Clock.systemUTC(),
                         Duration.ofMillis(250));
                 Services services = new Services(AppConfig.demo(), broker.url(), "hmi-" + System.nanoTime(),
                         dir.resolve("data"), Clock.systemUTC());
                 SecurityServices security = new SecurityServices(dir.resolve("data"), "ws-demo", Clock.systemUTC(),
                         new PasswordHasher(1_000))) {
                sim.start();
                security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
                security.session().login("admin", "admin-pass-1".toCharArray());
                CommandService commands = OperatorCommands.open(services, security, "ws-demo", Clock.systemUTC());
                Eventually.await("command link up", Duration.ofSeconds(10), commands::connected);
                Eventually.await("press seen", Duration.ofSeconds(10),
                        () -> services.store().get(TagPath.parse(PRESS + "state")) != null);
                CommandOutcome rate = commands.send(new CommandRequest(TagPath.parse(PRESS + "rate"), "80"), o -> { })
                        .get(10, TimeUnit.SECONDS);
                assertEquals(CommandOutcome.State.CONFIRMED, rate.state(), rate.toString());
                CommandOutcome stop = commands.send(new CommandRequest(TagPath.parse(PRESS + "run"), "stop",
                        "admin-pass-1".toCharArray()), o -> { }).get(10, TimeUnit.SECONDS);
                assertEquals(CommandOutcome.State.CONFIRMED, stop.state(), stop.toString());
                assertEquals("idle", services.store().get(TagPath.parse(PRESS + "state")).value());
                // The demo subscribes to lineside/#, so both writes came back to the HMI: commands, not strays. A stray
                // published after them is counted, so an unknown-topic counter that never moves fails here too.
                publisher.publish("lineside/demo/assembly/line-1/press/rate/stray", "1".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                Eventually.await("the stray topic counted", Duration.ofSeconds(5),
                        () -> services.pipeline().diagnostics().unknownTopics().size() >= 1);
                assertEquals(java.util.List.of("lineside/demo/assembly/line-1/press/rate/stray"),
                        java.util.List.copyOf(services.pipeline().diagnostics().unknownTopics().keySet()),
                        "the /set echoes are not unknown topics");
                commands.close();
            }
        }
    }
}
