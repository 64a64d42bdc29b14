package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.security.AccessDeniedException;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.telemetry.mapping.NewSignal;
import io.lineside.telemetry.mapping.TopicResolver;
import io.lineside.config.ConfigFiles;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.MosquittoPub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mapping a topic from the app against a real Mosquitto: {@code mosquitto_pub} publishes a topic no rule maps, an
 * engineer maps it through the service, the next message lands on the new station signal (with its unit), the
 * station file keeps its comments and other keys, and a restart reads the same mapping back. Viewers and operators
 * are refused by the service and audited as denied, and nothing is written.
 */
class TagMappingIT {

    static final String TOPIC = "bakery/line-2/oven/Zone 9 (raw)"; // under the bakery filter, no valid signal name
    static final TagPath PATH = new TagPath("acme", "bake", "line-2", "oven", "zone9");

    @TempDir
    Path dir;

    private Mosquitto broker;
    private SecurityServices security;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"));
        security = new SecurityServices(dir.resolve("sec"), "ws-test", Clock.systemUTC(), new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-secret-1".toCharArray());
        security.session().login("admin", "admin-secret-1".toCharArray());
        security.users().createUser(security.session(), "erik", null, Role.ENGINEER, "erik-pass-1".toCharArray());
        security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
        security.session().logout();
        config = dir.resolve("station.yaml");
        Files.writeString(config, """
                # Oven hall workstation
                broker:
                  url: %s      # the hall's broker
                staleAfterSeconds: 30   # slow ovens
                mappings:
                  # the bakery's JSON layout
                  - topic: bakery/{line}/{station}/{signal}
                    site: acme
                    area: bake
                language: en
                """.formatted(broker.url()));
    }

    @AfterEach
    void stop() {
        security.close();
        broker.close();
    }

    @Test
    void aMappedTopicLandsOnItsSignalLiveAndAfterARestart() throws Exception {
        String before = Files.readString(config);
        try (Services services = open()) {
            publish(TOPIC, "21.5");
            Eventually.await("the topic seen as unmapped", Duration.ofSeconds(10),
                    () -> services.pipeline().diagnostics().unknownTopics().containsKey(TOPIC));
            security.session().login("erik", "erik-pass-1".toCharArray());
            TagMappingService.Saved saved = service(services).map(new NewSignal(TOPIC, PATH.stationId(), "zone9",
                    "\u00B0C", 0, 300));
            assertEquals(config.toAbsolutePath(), saved.file());
            publish(TOPIC, "42.5");
            Eventually.await("the next message on the new signal", Duration.ofSeconds(10),
                    () -> services.store().get(PATH) != null && Double.valueOf(42.5).equals(services.store().get(PATH).value()));
            assertEquals("\u00B0C", services.stations().describe(PATH.stationId()).signal("zone9").orElseThrow().unit());
            Eventually.await("no longer listed as unmapped", Duration.ofSeconds(5),
                    () -> !services.pipeline().diagnostics().unknownTopics().containsKey(TOPIC));
            AuditRecord row = security.audit().latest(1).getFirst();
            assertEquals(TagMappingService.ACTION, row.entry().action());
            assertEquals(AuditResult.OK, row.entry().result());
            assertTrue(row.entry().newValue().contains(TOPIC + " -> " + PATH), row.entry().newValue());
        }
        String after = Files.readString(config);
        assertEquals(before, Files.readString(ConfigFiles.previous(config)), "the old file kept as .previous");
        for (String kept : new String[] {"# Oven hall workstation", "# the hall's broker", "staleAfterSeconds: 30   # slow ovens",
                "  # the bakery's JSON layout", "language: en"}) {
            assertTrue(after.contains(kept), "kept: " + kept + "\n" + after);
        }
        assertTrue(after.indexOf("Zone 9 (raw)") < after.indexOf("language: en"), "inside the mappings block:\n" + after);
        AppConfig reread = new ConfigLoader().load(config);
        assertEquals(PATH, new TopicResolver(reread.mappings(), (t, r) -> { }).resolve(TOPIC).paths()[0]);
        assertEquals(PATH.stationId().signal("door"),
                new TopicResolver(reread.mappings(), (t, r) -> { }).resolve("bakery/line-2/oven/door").paths()[0],
                "the rule that was there still maps");
        try (Services restarted = open()) {
            publish(TOPIC, "77.0");
            Eventually.await("after a restart the topic still lands on the signal", Duration.ofSeconds(10),
                    () -> restarted.store().get(PATH) != null
                            && Double.valueOf(77.0).equals(restarted.store().get(PATH).value()));
            assertEquals(0, restarted.store().meta(PATH).low());
            assertEquals(300, restarted.store().meta(PATH).high());
        }
    }

    @Test
    void viewersAndOperatorsAreRefusedByTheServiceAndAudited() throws Exception {
        String before = Files.readString(config);
        try (Services services = open()) {
            TagMappingService service = service(services);
            NewSignal request = new NewSignal(TOPIC, PATH.stationId(), "zone9", "", Double.NaN, Double.NaN);
            assertThrows(AccessDeniedException.class, () -> service.map(request), "nobody signed in");
            assertEquals(AuditResult.DENIED, security.audit().latest(1).getFirst().entry().result());
            security.session().login("olga", "olga-pass-1".toCharArray());
            assertThrows(AccessDeniedException.class, () -> service.map(request), "an operator");
            AuditRecord row = security.audit().latest(1).getFirst();
            assertEquals(AuditResult.DENIED, row.entry().result());
            assertEquals(TagMappingService.ACTION, row.entry().action());
        }
        assertEquals(before, Files.readString(config), "nothing written");
        assertFalse(Files.exists(ConfigFiles.previous(config)));
    }

    @Test
    void theDemoSavesUnderItsDataDirectoryAndLoadsItAtTheNextStart() throws Exception {
        Path data = dir.resolve("demo-data");
        security.session().login("erik", "erik-pass-1".toCharArray());
        java.util.concurrent.atomic.AtomicReference<io.lineside.telemetry.mapping.TopicMappings> applied =
                new java.util.concurrent.atomic.AtomicReference<>();
        TagMappingService demo = TagMappingService.demo(data, "lineside", security.session(), security.actions(),
                applied::set);
        demo.map(new NewSignal("lineside/stray", PATH.stationId(), "zone9", "kPa", 0, 10));
        assertEquals(TagMappingService.demoFile(data), data.resolve("demo/mappings.yaml"));
        io.lineside.telemetry.mapping.TopicMappings loaded = TagMappingService.loadDemo(data, "lineside");
        TopicResolver resolver = new TopicResolver(loaded, (t, r) -> { });
        assertEquals(PATH, resolver.resolve("lineside/stray").paths()[0]);
        assertEquals(PATH.stationId().signal("speed"), resolver.resolve("lineside/acme/bake/line-2/oven/speed")
                .paths()[0], "the simulator's layout still maps");
        assertEquals(loaded.rules().size(), applied.get().rules().size(), "applied what the next start loads");
    }

    private Services open() throws Exception {
        AppConfig app = new ConfigLoader().load(config);
        Services services = new Services(app, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                Clock.systemUTC());
        Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
        return services;
    }

    private TagMappingService service(Services services) {
        return TagMappingService.station(config, "lineside", security.session(), security.actions(), services::remap);
    }

    private void publish(String topic, String payload) throws Exception {
        try (MosquittoPub pub = MosquittoPub.start(broker.port(), topic, 1)) {
            pub.send(payload);
        }
    }
}
