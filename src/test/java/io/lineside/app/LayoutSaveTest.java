package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.config.ConfigFiles;
import io.lineside.layout.Box;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutLoader;
import io.lineside.layout.edit.LayoutEdits;
import io.lineside.security.AuditRecord;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's save (decision 0031) on real files and the real audit database: the demo's edits file. */
class LayoutSaveTest {

    @TempDir
    Path dir;

    private SecurityServices security;
    private Path edits;
    private final LayoutLoader loader = new LayoutLoader();

    @BeforeEach
    void start() throws Exception {
        security = new SecurityServices(dir, "ws-test", Clock.systemUTC(), new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-secret-1".toCharArray());
        security.session().login("admin", "admin-secret-1".toCharArray());
        security.users().createUser(security.session(), "erik", null, Role.ENGINEER, "erik-pass-1".toCharArray());
        security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
        edits = dir.resolve("demo").resolve("layout.yaml");
    }

    @AfterEach
    void stop() {
        security.close();
    }

    private LayoutRepository repository() {
        return new LayoutRepository(Optional.empty(), Optional.of(edits), loader, security.actions(), Runnable::run);
    }

    private Layout smallLine(Layout demo) {
        Layout l = LayoutEdits.addStation(LayoutEdits.empty(demo), 0, 0, "load", new Box(30, 180, 170, 200));
        return LayoutEdits.addStation(l, 0, 0, "press", new Box(270, 180, 170, 200));
    }

    @Test
    void anEngineersSaveIsAuditedWrittenAppliedAndLoadedAtTheNextDemoStart() throws Exception {
        security.session().login("erik", "erik-pass-1".toCharArray());
        LayoutRepository repository = repository();
        Layout demo = repository.start().layout().orElseThrow();
        assertEquals(loader.loadDemo(), demo, "no edits yet: the built-in demo");
        List<Layout> applied = new ArrayList<>();
        repository.addListener(applied::add);

        var outcome = repository.save(smallLine(demo)).join();
        assertTrue(outcome.layout().isPresent(), outcome.problem());
        assertEquals(1, applied.size(), "open plans are told");
        assertEquals(List.of("load", "press"), repository.current().orElseThrow().stations().map(s -> s.id().station()).toList());
        AuditRecord row = security.audit().latest(1).getFirst();
        assertEquals(LayoutRepository.SAVE, row.entry().action());
        assertEquals(AuditResult.OK, row.entry().result());
        assertEquals("erik", row.entry().actor().userName());
        assertEquals(edits.toString(), row.entry().target());
        assertTrue(row.entry().newValue().contains("line-1/load, line-1/press"), row.entry().newValue());

        Layout again = repository().start().layout().orElseThrow();
        assertEquals(repository.current().orElseThrow(), again, "the next demo start reads the saved file");

        repository.save(LayoutEdits.move(again, io.lineside.layout.edit.ElementRef.station(0, 0, 1), 10, 0)).join();
        assertTrue(Files.isRegularFile(ConfigFiles.previous(edits)), "the previous version is kept");
        assertEquals(again.areas(), loader.load(ConfigFiles.previous(edits)).areas(), "and it is the one before");
    }

    @Test
    void anOperatorsSaveIsRefusedAuditedAndWritesNothing() throws Exception {
        security.session().login("olga", "olga-pass-1".toCharArray());
        LayoutRepository repository = repository();
        Layout demo = repository.start().layout().orElseThrow();
        var outcome = repository.save(smallLine(demo)).join();
        assertTrue(outcome.layout().isEmpty());
        assertTrue(outcome.problem().contains("EDIT_LAYOUT"), outcome.problem());
        assertEquals(AuditResult.DENIED, security.audit().latest(1).getFirst().entry().result());
        assertFalse(Files.exists(edits));
        assertEquals(demo, repository.current().orElseThrow());
    }

    @Test
    void aLayoutTheLoaderRefusesIsNotWritten() throws Exception {
        security.session().login("erik", "erik-pass-1".toCharArray());
        LayoutRepository repository = repository();
        Layout demo = repository.start().layout().orElseThrow();
        var outcome = repository.save(LayoutEdits.empty(demo)).join();
        assertTrue(outcome.problem().startsWith("layout " + edits + ":"), outcome.problem());
        assertFalse(Files.exists(edits));
        assertEquals(AuditResult.FAILED, security.audit().latest(1).getFirst().entry().result());
    }
}
