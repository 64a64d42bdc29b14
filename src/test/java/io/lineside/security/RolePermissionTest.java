package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The role × permission matrix of issue 7, written out here independently of the enums, for every pair. */
class RolePermissionTest {

    /** Issue 7: operators acknowledge; supervisors shelve and review; engineers configure; admins manage users. */
    private static final Map<Permission, Role> MINIMUM = Map.ofEntries(
            Map.entry(Permission.VIEW, Role.VIEWER),
            Map.entry(Permission.ACKNOWLEDGE_ALARM, Role.OPERATOR),
            Map.entry(Permission.OPERATE_LINE, Role.OPERATOR),
            Map.entry(Permission.CLASSIFY_DOWNTIME, Role.OPERATOR),
            Map.entry(Permission.WRITE_HANDOVER, Role.OPERATOR),
            Map.entry(Permission.SHELVE_ALARM, Role.SUPERVISOR),
            Map.entry(Permission.SIGN_OFF_SHIFT, Role.SUPERVISOR),
            Map.entry(Permission.REVIEW_HISTORY, Role.SUPERVISOR),
            Map.entry(Permission.EXPORT_REPORT, Role.SUPERVISOR),
            Map.entry(Permission.VERIFY_AUDIT, Role.SUPERVISOR),
            Map.entry(Permission.SUPPRESS_ALARM, Role.ENGINEER),
            Map.entry(Permission.EDIT_LAYOUT, Role.ENGINEER),
            Map.entry(Permission.EDIT_ALARM_DEFINITIONS, Role.ENGINEER),
            Map.entry(Permission.EDIT_CONNECTIONS, Role.ENGINEER),
            Map.entry(Permission.EXIT_KIOSK, Role.ENGINEER),
            Map.entry(Permission.MANAGE_USERS, Role.ADMIN));
    private static final List<Role> RANK = List.of(Role.VIEWER, Role.OPERATOR, Role.SUPERVISOR, Role.ENGINEER, Role.ADMIN);

    @TempDir
    static Path dir;
    private static SecurityFixture fx;

    @BeforeAll
    static void usersOfEveryRole() throws Exception {
        fx = new SecurityFixture(dir).withAdmin();
        for (Role role : Role.values()) {
            fx.addUser(name(role), role);
        }
        fx.session.logout();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static Stream<Arguments> everyRoleAndPermission() {
        return Arrays.stream(Role.values())
                .flatMap(r -> Arrays.stream(Permission.values()).map(p -> Arguments.of(r, p)));
    }

    @Test
    void everyPermissionIsInTheMatrixAndRolesAreInRankOrder() {
        assertEquals(EnumSet.allOf(Permission.class), EnumSet.copyOf(MINIMUM.keySet()),
                "a new Permission needs its row in this matrix");
        assertEquals(RANK, List.of(Role.values()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndPermission")
    void roleAllowsExactlyThePermissionsAtOrBelowItsRank(Role role, Permission permission) {
        boolean expected = RANK.indexOf(role) >= RANK.indexOf(MINIMUM.get(permission));
        assertEquals(expected, role.allows(permission));
        assertEquals(MINIMUM.get(permission), permission.minimumRole());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoleAndPermission")
    void securedActionRunsOnlyWhenPermittedAndAuditsEitherWay(Role role, Permission permission) throws Exception {
        loginAs(role);
        AtomicInteger runs = new AtomicInteger();
        String target = "target-" + role + "-" + permission;
        SecuredActions.Command command = new SecuredActions.Command(permission, "test.action", target, "old", "new",
                "why");
        boolean expected = RANK.indexOf(role) >= RANK.indexOf(MINIMUM.get(permission));
        if (expected) {
            assertEquals("done", fx.actions.run(command, () -> {
                runs.incrementAndGet();
                return "done";
            }));
            assertEquals(1, runs.get());
        } else {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> fx.actions.run(command, runs::incrementAndGet));
            assertEquals(0, runs.get(), "a denied action must not run");
            assertEquals(permission, e.permission());
            assertTrue(e.getMessage().contains(permission.name()) && e.getMessage().contains(MINIMUM.get(permission).name())
                    && e.getMessage().contains(name(role)), e.getMessage());
        }
        AuditRecord row = fx.lastAudit();
        assertEquals(target, row.entry().target());
        assertEquals(name(role), row.entry().actor().userName());
        assertEquals(role, row.entry().actor().role());
        assertEquals(expected ? AuditResult.OK : AuditResult.DENIED, row.entry().result());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissions")
    void nobodyLoggedInMayOnlyView(Permission permission) throws Exception {
        fx.session.logout();
        AtomicInteger runs = new AtomicInteger();
        if (permission == Permission.VIEW) {
            fx.actions.run(permission, "test.view", null, null, null, null, runs::incrementAndGet);
            assertEquals(1, runs.get());
        } else {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> fx.actions.run(permission, "test.nobody", null, null, null, null, runs::incrementAndGet));
            assertTrue(e.getMessage().startsWith("Nobody is logged in (view only)"), e.getMessage());
            assertEquals(0, runs.get());
            assertEquals(AuditResult.DENIED, fx.lastAudit().entry().result());
            assertEquals(null, fx.lastAudit().entry().actor().userName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissions")
    void lockedAdminSessionMayOnlyView(Permission permission) throws Exception {
        loginAs(Role.ADMIN);
        fx.session.lock();
        try {
            AtomicInteger runs = new AtomicInteger();
            if (permission == Permission.VIEW) {
                fx.actions.run(permission, "test.view", null, null, null, null, runs::incrementAndGet);
                assertEquals(1, runs.get(), "alarms stay visible while locked");
            } else {
                AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> fx.actions.run(permission,
                        "test.locked", null, null, null, null, runs::incrementAndGet));
                assertTrue(e.getMessage().contains("is locked"), e.getMessage());
                assertFalse(runs.get() > 0);
            }
        } finally {
            fx.session.unlock(SecurityFixture.password(name(Role.ADMIN)));
        }
    }

    static Stream<Permission> permissions() {
        return Arrays.stream(Permission.values());
    }

    private static void loginAs(Role role) throws Exception {
        if (fx.session.state().user().map(u -> u.name().equals(name(role))).orElse(false)
                && !fx.session.state().locked()) {
            return;
        }
        fx.login(name(role), SecurityFixture.password(name(role)));
    }

    private static String name(Role role) {
        return "user-" + role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
