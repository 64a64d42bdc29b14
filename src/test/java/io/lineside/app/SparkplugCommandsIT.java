package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.commands.CommandKind;
import io.lineside.commands.CommandOutcome;
import io.lineside.commands.CommandRequest;
import io.lineside.commands.CommandService;
import io.lineside.commands.CommandSpec;
import io.lineside.commands.CommandTarget;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.tags.TagPath;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.TahuEdgeNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Sparkplug B write through a real Mosquitto to a Tahu edge node: the DCMD carries the metric's name and data
 * type from its DBIRTH, and the edge's DDATA confirms it; an edge that ignores it leaves it not confirmed.
 */
class SparkplugCommandsIT {

    static final TagPath SPEED = TagPath.parse("plant1/press-cell/press1/Ram/speed");

    @TempDir
    Path dir;

    @Test
    void aDcmdWithTheBornNameAndDatatypeIsConfirmedByTheEdgesDdata() throws Exception {
        CommandSpec spec = new CommandSpec(CommandKind.SETPOINT, 0, 5, Double.NaN, List.of(), Role.OPERATOR, false,
                Duration.ofSeconds(2), Duration.ZERO, null, null, Map.of());
        WritableSignals writable = new WritableSignals(List.of(new WritableSignal(
                Map.of("site", "plant1", "station", "Ram"), "speed", spec, null, CommandTarget.SPARKPLUG)));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            AppConfig config = new AppConfig(Optional.of(broker.url()), Optional.empty(), Optional.empty(),
                    Optional.empty(), "lineside", Optional.empty(), AppConfig.DEFAULT_STALE_AFTER, Optional.empty(),
                    List.of(), Optional.empty(), io.lineside.security.IdlePolicy.DEFAULT, Optional.empty(),
                    Optional.of(SparkplugSettings.defaults(List.of("plant1"), "it-host")), null, writable);
            try (Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                         Clock.systemUTC());
                 SecurityServices security = new SecurityServices(dir.resolve("data"), "ws-spb", Clock.systemUTC(),
                         new PasswordHasher(1_000));
                 TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 7)) {
                security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
                security.session().login("admin", "admin-pass-1".toCharArray());
                CommandService commands = OperatorCommands.open(services, security, "ws-spb", Clock.systemUTC());
                Eventually.await("Sparkplug link subscribed", Duration.ofSeconds(10),
                        () -> services.sparkplug().orElseThrow().connection().subscribed());
                Eventually.await("command link up", Duration.ofSeconds(10), commands::connected);
                edge.birth();
                Eventually.await("speed born", Duration.ofSeconds(10), () -> services.store().get(SPEED) != null);

                CommandOutcome o = commands.send(new CommandRequest(SPEED, "1.25"), x -> { }).get(10, TimeUnit.SECONDS);
                assertEquals(CommandOutcome.State.CONFIRMED, o.state(), o.toString());
                Metric m = edge.deviceCommands().getFirst();
                assertEquals("Ram/speed", m.getName());
                assertEquals(MetricDataType.Double, m.getDataType());
                assertEquals(1.25, m.getValue());
                AuditRecord write = security.audit().latest(2).getLast();
                assertEquals(CommandService.WRITE, write.entry().action());
                assertTrue(write.entry().note().contains("spBv1.0/plant1/DCMD/press-cell/press1 metric 'Ram/speed' "
                        + "(Double)"), write.entry().note());
                assertEquals(AuditResult.OK, security.audit().latest(1).getFirst().entry().result());

                edge.obeysCommands = false;
                CommandOutcome ignored = commands.send(new CommandRequest(SPEED, "2"), x -> { })
                        .get(10, TimeUnit.SECONDS);
                assertEquals(CommandOutcome.State.NOT_CONFIRMED, ignored.state(), ignored.toString());
                assertEquals(2, edge.deviceCommands().size(), "the DCMD arrived, the edge ignored it");
                assertEquals(AuditResult.FAILED, security.audit().latest(1).getFirst().entry().result());
                commands.close();
            }
        }
    }
}
