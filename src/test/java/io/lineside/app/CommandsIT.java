package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineside.commands.CommandOutcome;
import io.lineside.commands.CommandRequest;
import io.lineside.commands.CommandService;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator commands through a real Mosquitto to a plain-JSON test edge, with the whole workstation (Services,
 * SecurityServices, the station config's command blocks): confirmed, not confirmed, refused (role, range, locked:
 * checked by an independent subscriber on the command topics), and offline (never sent after the reconnect).
 */
class CommandsIT {

    static final TagPath SPEED = TagPath.parse("plant/assembly/line1/press/speed");
    static final TagPath MODE = TagPath.parse("plant/assembly/line1/press/mode");
    static final TagPath IGNORED = TagPath.parse("plant/assembly/line1/press/ignored");
    static final String COMMANDS = "lineside/+/+/+/+/+/set";

    @TempDir
    Path dir;
    Mosquitto broker;
    Services services;
    SecurityServices security;
    CommandService commands;
    MqttClient edge;
    Witness witness;
    final ObjectMapper json = new ObjectMapper();

    /** A persistent-session subscriber on the command topics: what the broker delivered while it was away too. */
    static final class Witness implements AutoCloseable {
        final List<String> seen = new CopyOnWriteArrayList<>();
        private final String url;
        private final String id = "witness-" + System.nanoTime();
        private MqttClient client;

        Witness(String url) throws Exception {
            this.url = url;
            connect();
        }

        void connect() throws Exception {
            client = new MqttClient(url, id, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(false);
            client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                public void connectionLost(Throwable cause) { }
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
                    seen.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
                }
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken t) { }
            });
            client.connect(o);
            client.subscribe(COMMANDS, 1);
        }

        void dropped() {
            try {
                client.close(true);
            } catch (Exception ignored) {
                // the broker is gone
            }
        }

        @Override
        public void close() throws Exception {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        Path brokerDir = dir.resolve("broker");
        broker = Mosquitto.start(brokerDir, List.of("persistence true", "persistence_location " + brokerDir + "/",
                "autosave_interval 1", "user root"));
        Path file = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: %s
                mappings:
                  - topic: lineside/{site}/{area}/{line}/{station}/{signal}
                    signals:
                      - {name: speed, command: {kind: setpoint, min: 0, max: 40, step: 0.5, confirmTimeout: 2, minInterval: 0}}
                      - {name: mode, command: {kind: mode, values: [auto, manual], role: supervisor, minInterval: 0}}
                      - {name: ignored, command: {kind: setpoint, min: 0, max: 100, confirmTimeout: 1, minInterval: 0}}
                """.formatted(broker.url()));
        AppConfig config = new ConfigLoader().load(file);
        services = new Services(config, broker.url(), "hmi-" + System.nanoTime(), dir.resolve("data"),
                Clock.systemUTC());
        security = new SecurityServices(dir.resolve("data"), "ws-it", Clock.systemUTC(), new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
        security.session().login("admin", "admin-pass-1".toCharArray());
        security.users().createUser(security.session(), "operator", null, Role.OPERATOR, "operator-pass-1".toCharArray());
        security.session().login("operator", "operator-pass-1".toCharArray());
        commands = OperatorCommands.open(services, security, "ws-it", Clock.systemUTC());
        edge = obedientEdge(broker.url());
        witness = new Witness(broker.url());
        Eventually.await("HMI subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
        Eventually.await("command link up", Duration.ofSeconds(10), commands::connected);
    }

    /** Echoes a speed or mode command's value on the signal's telemetry topic; ignores 'ignored'. */
    private MqttClient obedientEdge(String url) throws Exception {
        MqttClient c = new MqttClient(url, "edge-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false); // its subscription survives the broker restart
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1_000);
        c.connect(o);
        c.subscribe(COMMANDS, 1, (topic, message) -> {
            String telemetry = topic.substring(0, topic.length() - "/set".length());
            if (telemetry.endsWith("/ignored")) {
                return;
            }
            JsonNode v = json.readTree(message.getPayload()).get("value");
            String echo = "{\"v\":" + v + ",\"ts\":" + System.currentTimeMillis() + ",\"q\":\"good\"}";
            Thread.ofVirtual().start(() -> { // never publish on Paho's callback thread
                try {
                    c.publish(telemetry, echo.getBytes(StandardCharsets.UTF_8), 1, false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        });
        return c;
    }

    @AfterEach
    void tearDown() throws Exception {
        commands.close();
        witness.close();
        edge.disconnect();
        edge.close();
        services.close();
        security.close();
        broker.close();
    }

    private CommandOutcome send(TagPath path, String value) throws Exception {
        return commands.send(new CommandRequest(path, value), o -> { }).get(10, TimeUnit.SECONDS);
    }

    private AuditRecord lastAudit() throws Exception {
        return security.audit().latest(1).getFirst();
    }

    @Test
    void anObeyingEdgeConfirmsTheWrite() throws Exception {
        long t0 = System.nanoTime();
        CommandOutcome o = send(SPEED, "22.5");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(CommandOutcome.State.CONFIRMED, o.state(), o.toString());
        System.out.println("confirmed round trip through Mosquitto: " + ms + " ms");
        Eventually.await("witness saw it", Duration.ofSeconds(5), () -> witness.seen.size() == 1);
        String seen = witness.seen.getFirst();
        assertTrue(seen.startsWith("lineside/plant/assembly/line1/press/speed/set {"), seen);
        JsonNode payload = json.readTree(seen.substring(seen.indexOf(' ') + 1));
        assertEquals(22.5, payload.get("value").asDouble());
        assertEquals("operator", payload.get("user").asText());
        assertEquals("ws-it", payload.get("workstation").asText());
        assertEquals(o.correlationId(), payload.get("correlationId").asText());
        assertTrue(payload.has("time"));
        AuditRecord outcome = lastAudit();
        assertEquals(CommandService.OUTCOME, outcome.entry().action());
        assertEquals(AuditResult.OK, outcome.entry().result());
        assertTrue(outcome.entry().note().startsWith("CONFIRMED " + o.correlationId()), outcome.entry().note());
        assertTrue(security.audit().verify().intact(), "the hash chain holds");
    }

    @Test
    void anEdgeThatIgnoresItLeavesTheWriteNotConfirmed() throws Exception {
        CommandOutcome o = send(IGNORED, "10");
        assertEquals(CommandOutcome.State.NOT_CONFIRMED, o.state(), o.toString());
        Eventually.await("sent to the broker", Duration.ofSeconds(5), () -> witness.seen.size() == 1);
        AuditRecord outcome = lastAudit();
        assertEquals(CommandService.OUTCOME, outcome.entry().action());
        assertEquals(AuditResult.FAILED, outcome.entry().result());
        assertTrue(outcome.entry().note().startsWith("NOT_CONFIRMED " + o.correlationId()), outcome.entry().note());
    }

    @Test
    void refusedWritesNeverReachTheBroker() throws Exception {
        CommandOutcome byRole = send(MODE, "manual"); // mode needs a supervisor
        assertEquals(CommandOutcome.State.REFUSED, byRole.state());
        assertTrue(byRole.reason().contains("needs SUPERVISOR"), byRole.reason());
        assertEquals(AuditResult.DENIED, lastAudit().entry().result());
        CommandOutcome byRange = send(SPEED, "99");
        assertEquals(CommandOutcome.State.REFUSED, byRange.state());
        assertTrue(byRange.reason().contains("99 is outside 0 to 40"), byRange.reason());
        assertEquals(AuditResult.FAILED, lastAudit().entry().result());
        security.session().lock();
        CommandOutcome locked = send(SPEED, "20");
        assertEquals(CommandOutcome.State.REFUSED, locked.state());
        assertTrue(locked.reason().contains("is locked"), locked.reason());
        assertEquals(AuditResult.DENIED, lastAudit().entry().result());
        security.session().unlock("operator-pass-1".toCharArray());
        // The witness works: a permitted write arrives (and only it, after the refused ones).
        assertEquals(CommandOutcome.State.CONFIRMED, send(SPEED, "20").state());
        Eventually.await("the permitted write", Duration.ofSeconds(5), () -> witness.seen.size() == 1);
        Thread.sleep(300);
        assertEquals(1, witness.seen.size(), witness.seen.toString());
        assertTrue(witness.seen.getFirst().contains("\"value\":20.0"), witness.seen.toString());
    }

    @Test
    void offlineTheCommandFailsAtOnceAndIsNeverSentAfterTheReconnect() throws Exception {
        broker.close(); // graceful: the witness's session (and anything queued for it) survives the restart
        witness.dropped();
        Eventually.await("command link down", Duration.ofSeconds(10), () -> !commands.connected());
        long t0 = System.nanoTime();
        CommandOutcome o = send(SPEED, "30");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(CommandOutcome.State.REFUSED, o.state(), o.toString());
        assertTrue(o.reason().startsWith("offline"), o.reason());
        assertTrue(ms < 1_000, "fails at once, took " + ms + " ms");
        System.out.println("offline refusal took " + ms + " ms");
        assertEquals(AuditResult.FAILED, lastAudit().entry().result());
        broker.restart();
        witness.connect();
        Eventually.await("command link back", Duration.ofSeconds(15), commands::connected);
        Eventually.await("HMI subscribed again", Duration.ofSeconds(15), () -> services.connection().subscribed());
        Eventually.await("edge back", Duration.ofSeconds(15), edge::isConnected);
        Thread.sleep(2_000); // time for any replay to arrive
        assertEquals(List.of(), witness.seen, "nothing was sent after the reconnect");
        assertEquals(CommandOutcome.State.CONFIRMED, send(SPEED, "31").state(), "the link works again");
        Eventually.await("the new write", Duration.ofSeconds(5), () -> witness.seen.size() == 1);
        assertTrue(witness.seen.getFirst().contains("\"value\":31.0"), witness.seen.toString());
    }
}
