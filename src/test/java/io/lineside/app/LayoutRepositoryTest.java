package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmService;
import io.lineside.alarms.JournalFilter;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.layout.LayoutLoader;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import io.lineside.ui.Texts;
import io.lineside.ui.layout.FloorPlanViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the layout: an engineer's audited action that swaps the plan or keeps the old one with the reason. */
class LayoutRepositoryTest {

    private static final String LAYOUT = """
            layout: 1
            name: NAME
            site: demo
            plan: {width: 800, height: 400}
            areas:
              - id: assembly
                lines:
                  - id: line-1
                    stations:
                      - id: load
                        at: [20, 40]
                        size: [170, 200]
                        symbols:
                          - {id: load, kind: station, tag: state, at: [0, 0], size: [170, 200]}
                          - {id: load-state, kind: KIND, tag: state, at: [10, 34], size: [150, 26]}
            """;

    @TempDir
    Path dir;

    private SecurityServices security;
    private Path file;
    private LayoutRepository repository;
    private final TagStore store = new TagStore();
    private FloorPlanViewModel plan;

    @BeforeEach
    void start() throws Exception {
        security = new SecurityServices(dir, "ws-test", Clock.systemUTC(), new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-secret-1".toCharArray());
        login("admin", "admin-secret-1");
        security.users().createUser(security.session(), "erik", null, Role.ENGINEER, "erik-pass-1".toCharArray());
        security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
        file = dir.resolve("plant.yaml");
        write("Hall A", "lamp", "");
        // Same-thread executors: the reload completes before reload() returns.
        repository = new LayoutRepository(Optional.of(file), new LayoutLoader(), security.actions(), Runnable::run);
        plan = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);
        plan.setActions(repository);
        plan.show(repository.start().layout().orElseThrow());
    }

    @AfterEach
    void stop() {
        plan.dispose();
        security.close();
    }

    private void login(String user, String password) throws Exception {
        security.session().login(user, password.toCharArray());
        assertEquals(user, security.session().actor().userName());
    }

    private void write(String name, String kind, String extraSymbols) throws Exception {
        Files.writeString(file, LAYOUT.replace("NAME", name).replace("KIND", kind) + extraSymbols);
    }

    private List<String> symbolIds() {
        return plan.planProperty().get().symbols().stream().map(s -> s.id()).toList();
    }

    private AuditRecord lastAudit() throws Exception {
        return security.audit().latest(1).getFirst();
    }

    @Test
    void anEngineersReloadOfAGoodFileShowsTheNewSymbolsAndIsAudited() throws Exception {
        login("erik", "erik-pass-1");
        write("Hall B", "lamp", "              - {id: load-speed, kind: value, tag: speed, at: [10, 66], size: [150, 26]}\n");
        plan.reload();
        assertEquals(List.of("load", "load-state", "load-speed"), symbolIds());
        assertEquals("Layout \u201cHall B\u201d loaded: 3 symbols.", plan.messageProperty().get());
        assertEquals("Hall B", repository.current().orElseThrow().name());
        AuditRecord row = lastAudit();
        assertEquals(LayoutRepository.RELOAD, row.entry().action());
        assertEquals(AuditResult.OK, row.entry().result());
        assertEquals("erik", row.entry().actor().userName());
        assertEquals("Hall A", row.entry().oldValue());
    }

    @Test
    void aBadFileKeepsThePreviousLayoutOnScreenAndSaysPreciselyWhy() throws Exception {
        login("erik", "erik-pass-1");
        var before = plan.planProperty().get();
        write("Hall B", "robot", "");
        plan.reload();
        assertSame(before, plan.planProperty().get(), "the previous layout stays");
        String message = plan.messageProperty().get();
        assertTrue(message.startsWith("Layout not changed, the previous one stays. layout " + file + ":15: "), message);
        assertTrue(message.contains("key 'kind'") && message.contains("\"robot\""), message);
        assertEquals("Hall A", repository.current().orElseThrow().name());
        assertEquals(AuditResult.FAILED, lastAudit().entry().result());
    }

    @Test
    void anOperatorMayNotReloadAndTheRefusalIsAudited() throws Exception {
        login("olga", "olga-pass-1");
        write("Hall B", "lamp", "");
        var before = plan.planProperty().get();
        plan.reload();
        assertSame(before, plan.planProperty().get());
        assertTrue(plan.messageProperty().get().startsWith("Layout not changed"), plan.messageProperty().get());
        assertEquals(AuditResult.DENIED, lastAudit().entry().result());
        assertEquals("Hall A", repository.current().orElseThrow().name());
    }

    @Test
    void reloadingLosesNoAlarmsHistoryOrLiveValues() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("db"));
             AlarmService alarms = new AlarmService(new AlarmDefinitionsLoader().loadDemo(), new AlarmJournalStore(db),
                     Clock.systemUTC())) {
            Instant now = Instant.now();
            TagUpdate fault = new TagUpdate(TagPath.parse("demo/assembly/line-1/load/state"),
                    new TagValue("fault", now, now, Quality.GOOD, 1));
            alarms.accept(fault);
            store.apply(fault);
            Eventually.await("the load fault is annunciated", Duration.ofSeconds(5),
                    () -> !alarms.snapshot().alarms().isEmpty());
            var active = alarms.snapshot().alarms();
            List<AlarmEvent> journal = alarms.journal().query(JournalFilter.between(now.minusSeconds(60), now.plusSeconds(60)));
            login("erik", "erik-pass-1");
            write("Hall B", "lamp", "");
            plan.reload();
            write("Hall C", "robot", "");
            plan.reload();
            assertEquals("Hall B", repository.current().orElseThrow().name());
            assertEquals(active, alarms.snapshot().alarms(), "alarms do not depend on the layout");
            assertEquals(journal, alarms.journal().query(JournalFilter.between(now.minusSeconds(60), now.plusSeconds(60))));
            assertEquals("fault", store.get(fault.path()).value());
            plan.pulse(now);
            var lamp = plan.planProperty().get().symbols().stream().filter(s -> s.id().equals("load-state")).findFirst().orElseThrow();
            assertEquals("Fault", lamp.valueText(), "the new plan shows the live value at once");
        }
    }

    @Test
    void withoutAConfiguredFileTheDemoLayoutIsUsedAndCannotBeReloaded() {
        LayoutRepository demo = new LayoutRepository(Optional.empty(), new LayoutLoader(), security.actions(), Runnable::run);
        assertEquals("Demo assembly hall", demo.start().layout().orElseThrow().name());
        assertTrue(demo.reload().join().problem().startsWith("No layout file is configured"));
    }

    @Test
    void aBadFileAtStartGivesTheReasonAndNoLayout() throws Exception {
        write("Hall A", "java.lang.Runtime", "");
        LayoutRepository bad = new LayoutRepository(Optional.of(file), new LayoutLoader(), security.actions(), Runnable::run);
        var outcome = bad.start();
        assertTrue(outcome.layout().isEmpty());
        assertTrue(outcome.problem().contains("never Java classes"), outcome.problem());
        assertTrue(bad.current().isEmpty());
    }
}
