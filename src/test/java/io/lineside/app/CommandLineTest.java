package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsMeansTheDemo() {
        CommandLine cli = CommandLine.parse(List.of());
        assertEquals(Optional.empty(), cli.config());
        assertEquals(false, cli.help());
    }

    @Test
    void optionsAreParsed() {
        CommandLine cli = CommandLine.parse(List.of("--config", "a.yaml", "--data-dir", "/d", "--lang", "zh-CN"));
        assertEquals(Optional.of(Path.of("a.yaml")), cli.config());
        assertEquals(Optional.of(Path.of("/d")), cli.dataDir());
        assertEquals(Optional.of("zh-CN"), cli.lang());
    }

    @Test
    void mistakesAreOneLineReasons() {
        assertEquals("unknown option \"--conf\"",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--conf", "x"))).getMessage());
        assertEquals("--config needs a value",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--config"))).getMessage());
        assertEquals("--lang expects en or zh-CN, found \"fr\"",
                assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(List.of("--lang", "fr"))).getMessage());
    }

    @Test
    void badConfigStopsTheStartWithOneLineAndExitCode2(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "broker:\n  url: 42\n");
        var err = new java.io.ByteArrayOutputStream();
        int code = Main.run(List.of("--config", file.toString()), System.out, new java.io.PrintStream(err, true));
        assertEquals(2, code);
        String printed = err.toString().strip();
        assertEquals("lineside: config " + file + ":2: key 'broker.url': expected a non-empty string, found 42", printed);
        assertTrue(!printed.contains("\n"));
    }

    @Test
    void aFailedStartOfTheHmiIsAlsoShownInItsLanguageButACommandOnlyPrints(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "broker:\n  url: 42\n");
        java.util.List<String> shown = new java.util.ArrayList<>();
        Main.StartupProblems window = (locale, problem) -> shown.add(locale.toLanguageTag() + " | " + problem);
        var err = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true);
        assertEquals(2, Main.run(List.of("--config", file.toString(), "--lang", "zh-CN"), System.out, err, window));
        assertEquals(List.of("zh-CN | config " + file + ":2: key 'broker.url': expected a non-empty string, found 42"),
                shown);
        assertEquals(2, Main.run(List.of("--conf", "x"), System.out, err, window), "a mistyped option too");
        assertEquals(2, shown.size());
        assertTrue(shown.get(1).endsWith(" | unknown option \"--conf\""), shown.get(1));
        assertEquals(2, Main.run(List.of("record", "--config", file.toString()), System.out, err, window));
        assertEquals(2, shown.size(), "the recorder runs headless: stderr and the exit code are its report");
    }

    @Test
    void theWindowGetsTheFileLineAndKeyOfAConfigProblemFromAnySectionOfTheOneParse(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), """
                broker:
                  url: tcp://127.0.0.1:1883
                station:
                  name: s1
                  shifts:
                    - {name: early, start: 6am, end: "14:00"}
                """);
        java.util.List<io.lineside.ui.window.StartupProblem> shown = new java.util.ArrayList<>();
        var err = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true);
        assertEquals(2, Main.run(List.of("--config", file.toString()), System.out, err, (locale, p) -> shown.add(p)));
        io.lineside.ui.window.StartupProblem p = shown.getFirst();
        assertEquals(List.of(file.toString(), 6, "station.shifts[0].start"), List.of(p.file(), p.line(), p.key()));
        assertEquals("expected a time HH:MM, e.g. \"06:00\", found \"6am\"", p.problem());
        assertTrue(p.message().startsWith("config " + file + ":6: key 'station.shifts[0].start'"), p.message());
        assertEquals(2, Main.run(List.of("--conf", "x"), System.out, err, (locale, q) -> shown.add(q)));
        assertTrue(!shown.get(1).hasFile(), "an unknown option names no file");
    }

    @Test
    void defaultDataDirFollowsThePlatform() {
        Path home = Path.of("/home/op");
        assertEquals(Path.of("/home/op/.local/share/lineside"), DataDirectories.defaultDataDir(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/lineside"), DataDirectories.defaultDataDir(Map.of("XDG_DATA_HOME", "/x"), "Linux", home));
        assertEquals(Path.of("/home/op/Library/Application Support/Lineside"), DataDirectories.defaultDataDir(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("C:\\Users\\op\\AppData\\Local", "Lineside"),
                DataDirectories.defaultDataDir(Map.of("LOCALAPPDATA", "C:\\Users\\op\\AppData\\Local"), "Windows 11", home));
    }

    @Test
    void installIdIsStableAcrossStarts(@org.junit.jupiter.api.io.TempDir Path dir) {
        String first = ClientIds.installId(dir);
        assertEquals(first, ClientIds.installId(dir));
        assertTrue(ClientIds.derive(dir).matches("lineside-[a-z0-9-]+-" + first));
    }

    @Test
    void auditVerifyChecksTheStationsChainAndExitsWithItsVerdict(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true);
        assertEquals(2, Main.run(List.of("audit-verify", "--data-dir", dir.toString()), print, print),
                "no security database yet: unreadable, and none is created");
        assertTrue(out.toString().startsWith("No security database in " + dir.resolve("security")), out.toString());

        try (SecurityServices security = new SecurityServices(dir, "cli-test", java.time.Clock.systemUTC(),
                new io.lineside.security.PasswordHasher(1_000))) {
            security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
        }
        out.reset();
        assertEquals(0, Main.run(List.of("audit-verify", "--data-dir", dir.toString()), print, print), out.toString());
        assertEquals("unknown option \"verify\"", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("verify"))).getMessage());
        assertEquals("audit-verify must come first", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("--lang", "en", "audit-verify"))).getMessage());
    }
}
