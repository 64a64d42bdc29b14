package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.TrendBucket;
import io.lineside.security.AccessDeniedException;
import io.lineside.security.AuditResult;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.ui.Texts;
import io.lineside.ui.trend.TrendData;
import io.lineside.ui.trend.TrendPen;
import io.lineside.ui.trend.TrendRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV export of a trend: a supervisor's export is audited and written; an operator's is refused, no file. */
class TrendExportTest {

    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSupervisorExportsTheBucketTableAndIsAuditedAnOperatorIsRefused() throws Exception {
        try (SecurityServices security = new SecurityServices(dir, "ws", Clock.systemUTC(), new PasswordHasher(1_000))) {
            security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
            security.session().login("admin", "admin-pass-1".toCharArray());
            security.users().createUser(security.session(), "sue", null, Role.SUPERVISOR, "sue-pass-12".toCharArray());
            security.users().createUser(security.session(), "olga", null, Role.OPERATOR, "olga-pass-1".toCharArray());
            TrendExport export = new TrendExport(security.actions(), Texts.forLocale(Locale.ENGLISH), ZoneId.of("UTC"));
            TrendData data = new TrendData(List.of(new TrendPen(TagPath.parse("demo/assembly/line-1/press/speed"),
                    "press Speed", "/min")), new TrendRange(T0, T0.plusSeconds(60)),
                    List.of(List.of(new TrendBucket(T0, T0.plusSeconds(30), 49.5, 51, 50, 49.5, 30, 30, Quality.GOOD))),
                    List.of(List.of()));

            security.session().login("olga", "olga-pass-1".toCharArray());
            Path refused = dir.resolve("olga.csv");
            assertThrows(AccessDeniedException.class, () -> export.export(data, refused));
            assertFalse(Files.exists(refused));
            assertEquals(AuditResult.DENIED, security.audit().latest(1).getFirst().entry().result());

            security.session().login("sue", "sue-pass-12".toCharArray());
            Path file = dir.resolve("trend.csv");
            assertEquals("Exported 1 rows to " + file, export.export(data, file));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(List.of("time,pen,min,max,first,last,n,quality",
                    "\"2026-11-26T06:00:00Z\",\"demo/assembly/line-1/press/speed\",49.5,51.0,50.0,49.5,30,\"GOOD\""),
                    lines);
            assertEquals(TrendExport.ACTION, security.audit().latest(1).getFirst().entry().action());
            assertTrue(security.audit().latest(1).getFirst().entry().actor().userName().equals("sue"));
        }
    }
}
