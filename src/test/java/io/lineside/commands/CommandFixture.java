package io.lineside.commands;

import io.lineside.security.AuditRecord;
import io.lineside.security.AuditTrail;
import io.lineside.security.AuthResult;
import io.lineside.security.IdlePolicy;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.security.SecurityDatabase;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.tags.TagStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A real security database (low PBKDF2 count), users of each role and a tag store, wired to a CommandService. */
public final class CommandFixture implements AutoCloseable {

    public final SecurityDatabase db;
    public final AuditTrail audit;
    public final UserService users;
    public final SessionManager session;
    public final TagStore store = new TagStore();

    public CommandFixture(Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        db = SecurityDatabase.open(dir);
        audit = new AuditTrail(db, "ws-test", clock);
        users = new UserService(db, audit, new PasswordHasher(1_000), clock);
        session = new SessionManager(users, audit, clock, IdlePolicy.DEFAULT);
        users.createFirstAdmin("admin", password("admin"));
        login("admin");
        for (Role r : List.of(Role.VIEWER, Role.OPERATOR, Role.SUPERVISOR)) {
            users.createUser(session, r.name().toLowerCase(), null, r, password(r.name().toLowerCase()));
        }
        session.logout();
    }

    public static char[] password(String user) {
        return (user + "-pass-1").toCharArray();
    }

    public void login(String user) throws Exception {
        if (!(session.login(user, password(user)) instanceof AuthResult.Success)) {
            throw new AssertionError("login " + user);
        }
    }

    public CommandService service(WritableSignals writable, CommandTransport transport,
                                  Map<CommandTarget, CommandRoute> routes) {
        return new CommandService(writable, session, users, audit, store, routes, transport, "ws-test",
                Clock.systemUTC());
    }

    public CommandService service(WritableSignals writable, CommandTransport transport) {
        return service(writable, transport, Map.of(CommandTarget.MQTT, new JsonCommandRoute()));
    }

    /** The newest {@code n} audit rows, oldest first. */
    public List<AuditRecord> lastAudit(int n) throws Exception {
        return audit.latest(n).reversed();
    }

    @Override
    public void close() {
        db.close();
    }
}
