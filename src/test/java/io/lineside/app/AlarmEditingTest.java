package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmConfig;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmService;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.config.ConfigException;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.security.AccessDeniedException;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarm definitions save path of decision 0031 on a real H2 history, a real security database and a real file:
 * only an engineer saves, every attempt is an audit row, what is saved loads and runs at once.
 */
class AlarmEditingTest {

    private static final TagPath SPEED = TagPath.parse("demo/assembly/line-1/press/speed");

    @TempDir
    Path dir;

    private HistoryDatabase db;
    private AlarmService alarms;
    private SecurityServices security;
    private AlarmEditing editing;

    @BeforeEach
    void start() throws Exception {
        db = HistoryDatabase.open(dir.resolve("db"));
        alarms = new AlarmService(new AlarmDefinitionsLoader().loadDemo(), new AlarmJournalStore(db), Clock.systemUTC());
        security = new SecurityServices(dir.resolve("data"), "ws-edit", Clock.systemUTC(), new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-secret-1".toCharArray());
        security.session().login("admin", "admin-secret-1".toCharArray());
        for (Role role : List.of(Role.VIEWER, Role.OPERATOR, Role.ENGINEER)) {
            String name = role.name().toLowerCase(java.util.Locale.ROOT);
            security.users().createUser(security.session(), name, null, role, (name + "-pass-1").toCharArray());
        }
        editing = new AlarmEditing(alarms, security.actions(), security.session(),
                AlarmEditing.demoFile(dir.resolve("data")));
    }

    @AfterEach
    void stop() {
        alarms.close();
        security.close();
        db.close();
    }

    @Test
    void anEngineerAddsAHighLimitThatIsSavedAuditedAndFiresFromTheNextValue() throws Exception {
        login("engineer");
        AlarmConfig saved = editing.save(withSpeedAlarm(), "speed guard");

        assertEquals(saved, new AlarmDefinitionsLoader().loadConfig(editing.file()), "the file loads as saved");
        AuditRecord row = security.audit().latest(1).getFirst();
        assertEquals(List.of(AlarmEditing.SAVE, "engineer", "added PRESS-SPEED-H", AuditResult.OK.name()),
                List.of(row.entry().action(), row.entry().actor().userName(), row.entry().newValue(),
                        row.entry().result().name()));
        assertTrue(security.audit().verify().intact(), "the hash chain verifies");

        Instant now = Instant.now();
        alarms.accept(new TagUpdate(SPEED, TagValue.good(75, now, now, 1)));
        Eventually.await("the new alarm fires from live data", Duration.ofSeconds(5),
                () -> alarms.snapshot().alarms().stream().anyMatch(a -> a.id().equals("PRESS-SPEED-H")
                        && a.state() == AlarmState.UNACK));
    }

    @Test
    void aViewerAndAnOperatorAreRefusedAuditedAsDeniedAndNothingIsWritten() throws Exception {
        for (String who : List.of("viewer", "operator")) {
            login(who);
            assertThrows(AccessDeniedException.class, () -> editing.save(withSpeedAlarm(), "try"));
            AuditRecord row = security.audit().latest(1).getFirst();
            assertEquals(List.of(AlarmEditing.SAVE, who, AuditResult.DENIED.name()), List.of(row.entry().action(),
                    row.entry().actor().userName(), row.entry().result().name()));
        }
        assertFalse(Files.exists(editing.file()), "no file written");
        assertTrue(alarms.definitions().stream().noneMatch(d -> d.id().equals("PRESS-SPEED-H")), "nothing applied");
    }

    @Test
    void anEditTheLoaderRefusesIsNeitherAuditedNorWritten() throws Exception {
        login("engineer");
        long rows = security.audit().latest(1000).size();
        List<AlarmDefinition> defs = new ArrayList<>(alarms.definitions());
        defs.add(defs.getFirst()); // a duplicate id
        ConfigException e = assertThrows(ConfigException.class,
                () -> editing.save(new AlarmConfig(defs, alarms.shelveReasons()), "dup"));
        assertTrue(e.getMessage().contains("duplicate id"), e.getMessage());
        assertEquals(rows, security.audit().latest(1000).size());
        assertFalse(Files.exists(editing.file()));
    }

    private AlarmConfig withSpeedAlarm() {
        List<AlarmDefinition> defs = new ArrayList<>(alarms.definitions());
        defs.add(AlarmDefinition.simple("PRESS-SPEED-H", SPEED, Priority.MEDIUM,
                new LimitCondition(LimitCondition.Level.H, 70, 1)));
        return new AlarmConfig(defs, alarms.shelveReasons());
    }

    private void login(String name) throws Exception {
        security.session().login(name, (name + "-pass-1").toCharArray());
    }
}
