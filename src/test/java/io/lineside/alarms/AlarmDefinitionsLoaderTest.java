package io.lineside.alarms;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmDefinitionsLoaderTest {

    @TempDir
    Path dir;
    private final AlarmDefinitionsLoader loader = new AlarmDefinitionsLoader();

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("plant-alarms.yaml"), yaml);
    }

    private static final String ONE = """
            alarms:
              - id: A1
                tag: s/a/l/st/temperature
                kind: limit
                level: H
                limit: 50
                priority: High
                message: {en: hot}
            """;

    @Test
    void everyKindAndOptionLoads() throws Exception {
        List<AlarmDefinition> defs = loader.load(write("""
                defaults: {maxShelveMinutes: 60, realarmMinutes: 15}
                alarms:
                  - id: T-HH
                    tag: s/a/l/st/temperature
                    kind: limit
                    level: HH
                    limit: 90
                    deadbandPercent: 2
                    span: {min: 0, max: 200}
                    priority: Critical
                    onDelaySeconds: 5
                    offDelaySeconds: 10
                    latching: true
                    realarmMinutes: 0
                    maxShelveMinutes: 30
                    station: s/a/l/other
                    message: {en: very hot, zh-CN: 温度过高}
                    guidance: {cause: cooling, consequence: damage, action: stop, respondWithinMinutes: 5}
                    suppressWhen: {tag: s/a/l/st/state, equals: idle}
                  - {id: T-H, tag: s/a/l/st/temperature, kind: limit, level: H, limit: 80, deadband: 1, priority: High, message: {en: hot}}
                  - {id: T-L, tag: s/a/l/st/temperature, kind: limit, level: L, limit: 10, priority: Low, message: {en: cold}}
                  - {id: S-BIT, tag: s/a/l/st/status, kind: discrete, bit: 3, priority: Diagnostic, message: {en: bit}}
                  - {id: DEV, tag: s/a/l/st/temperature, kind: deviation, setpoint: s/a/l/st/sp, limit: 5, deadband: 1, priority: Medium, message: {en: dev}}
                  - {id: ROC, tag: s/a/l/st/temperature, kind: rateOfChange, limit: 2, priority: low, message: {en: roc}}
                  - {id: ND, tag: s/a/l/st/cycles, kind: noData, seconds: 10, priority: Medium, message: {en: silent}}
                """));
        assertEquals(7, defs.size());
        AlarmDefinition hh = defs.getFirst();
        assertEquals(new LimitCondition(LimitCondition.Level.HH, 90, 4), hh.condition(), "2 % of a 200 span is 4");
        assertEquals(List.of(Priority.CRITICAL, Duration.ofSeconds(5), Duration.ofSeconds(10), true, Duration.ZERO,
                        Duration.ofMinutes(30), "s/a/l/other", "温度过高"),
                List.of(hh.priority(), hh.onDelay(), hh.offDelay(), hh.latching(), hh.realarmAfter(), hh.maxShelve(),
                        hh.station().toString(), hh.message("zh-CN")));
        assertEquals(Duration.ofMinutes(5), hh.guidance().orElseThrow().timeToRespond());
        assertEquals(TagPath.parse("s/a/l/st/state"), hh.suppressWhen().orElseThrow().tag());
        AlarmDefinition h = defs.get(1);
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(60), "s/a/l/st", "hot"),
                List.of(h.realarmAfter(), h.maxShelve(), h.station().toString(), h.message("zh-CN")), "defaults apply");
        assertEquals(new DiscreteCondition(null, 3), defs.get(3).condition());
        assertEquals(new DeviationCondition(TagPath.parse("s/a/l/st/sp"), 5, 1), defs.get(4).condition());
        assertEquals(Priority.LOW, defs.get(5).priority());
        assertEquals(new NoDataCondition(Duration.ofSeconds(10)), defs.get(6).condition());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key     | extra: 1                                               | unknown key 'extra'
            unknown alarm key   | '    colour: red'                                      | alarm 'A1' (alarms[0]): unknown key 'colour'
            key of another kind | '    seconds: 5'                                       | unknown key 'seconds'
            limit as text       | '    onDelaySeconds: soon'                             | key 'onDelaySeconds': expected a whole number from 0 to 86400, found "soon"
            negative delay      | '    offDelaySeconds: -1'                              | key 'offDelaySeconds': expected a whole number from 0 to 86400, found -1
            latching as text    | '    latching: yes please'                             | key 'latching': expected true or false, found "yes please"
            bad guidance        | '    guidance: {cause: x}'                             | key 'guidance.consequence'
            equals and bit      | '    suppressWhen: {tag: s/a/l/st/state, equals: idle, bit: 2}' | exactly one of equals
            """)
    void hostileOrWrongKeysAreRefusedNamingFileAlarmAndKey(String what, String extraLine, String expected) throws Exception {
        Path file = write(ONE + extraLine + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote("alarms " + file) + ":\\d+: .*"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            priority name   | priority: Urgent          | key 'priority': expected Critical, High, Medium, Low or Diagnostic, found "Urgent"
            level name      | level: HHH                | key 'level': expected HH, H, L or LL, found "HHH"
            limit type      | limit: "50"               | key 'limit': expected a finite number, found "50"
            tag syntax      | tag: s/a/l/st             | key 'tag': expected a tag path site/area/line/station/signal
            tag characters  | tag: s/a/l/st/temp#1      | key 'tag': expected a tag path
            id characters   | id: "A 1; DROP"           | key 'id': expected 1-64 of A-Z a-z 0-9 _ . -
            kind            | kind: fuzzy               | key 'kind': expected one of deviation, discrete, limit, noData, rateOfChange
            message missing | message: {zh-CN: 热}      | key 'message.en': expected the English message text
            """)
    void wrongValuesAreRefusedWithWhatWasExpected(String what, String replacement, String expected) throws Exception {
        String key = replacement.substring(0, replacement.indexOf(':'));
        String yaml = ONE.replaceFirst("(?m)^(  - |    )" + key + ":.*$", "$1" + java.util.regex.Matcher.quoteReplacement(replacement));
        assertTrue(yaml.contains(replacement), "the test replaced the line");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(write(yaml)));
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @Test
    void limitsOfOneTagMustBeOrderedHhAboveHAboveLAboveLl() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(write("""
                alarms:
                  - {id: HH, tag: s/a/l/st/t, kind: limit, level: HH, limit: 80, priority: High, message: {en: x}}
                  - {id: H, tag: s/a/l/st/t, kind: limit, level: H, limit: 90, priority: Low, message: {en: x}}
                  - {id: OTHER-H, tag: s/a/l/st/u, kind: limit, level: H, limit: 95, priority: Low, message: {en: x}}
                """)));
        assertEquals("alarms " + dir.resolve("plant-alarms.yaml") + ":3: alarm 'H': key 'limit': expected below HH limit"
                + " 80.0 of 'HH' (HH > H > L > LL), found 90.0", e.getMessage());
        ConfigException low = assertThrows(ConfigException.class, () -> loader.load(write("""
                alarms:
                  - {id: L, tag: s/a/l/st/t, kind: limit, level: L, limit: 10, priority: Low, message: {en: x}}
                  - {id: LL, tag: s/a/l/st/t, kind: limit, level: LL, limit: 10, priority: High, message: {en: x}}
                """)));
        assertTrue(low.getMessage().contains("alarm 'LL': key 'limit': expected below L limit 10.0"), low.getMessage());
        ConfigException twice = assertThrows(ConfigException.class, () -> loader.load(write("""
                alarms:
                  - {id: H1, tag: s/a/l/st/t, kind: limit, level: H, limit: 10, priority: Low, message: {en: x}}
                  - {id: H2, tag: s/a/l/st/t, kind: limit, level: H, limit: 20, priority: Low, message: {en: x}}
                """)));
        assertTrue(twice.getMessage().contains("already has a H alarm ('H1')"), twice.getMessage());
    }

    @Test
    void duplicateIdsAndDuplicateKeysAreRefused() throws Exception {
        ConfigException ids = assertThrows(ConfigException.class, () -> loader.load(write(ONE + """
                  - {id: A1, tag: s/a/l/st/u, kind: noData, seconds: 5, priority: Low, message: {en: x}}
                """)));
        assertTrue(ids.getMessage().endsWith("alarm 'A1' (alarms[1]): duplicate id, already used by alarms[0]"),
                ids.getMessage());
        ConfigException keys = assertThrows(ConfigException.class, () -> loader.load(write(ONE + "    limit: 60\n")));
        assertTrue(keys.getMessage().contains("not valid YAML at line"), keys.getMessage());
    }

    @Test
    void aDeadbandThatCouldNeverLetTheAlarmClearIsRefused() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(write("""
                alarms:
                  - {id: D, tag: s/a/l/st/t, kind: deviation, setpoint: s/a/l/st/sp, limit: 2, deadband: 2, priority: Low, message: {en: x}}
                """)));
        assertTrue(e.getMessage().contains("key 'deadband': expected a number >= 0 and below the limit 2.0, found 2.0"),
                e.getMessage());
    }

    @Test
    void garbageHugeEmptyAndMissingFilesAreRefusedWithoutLoadingAnything() throws Exception {
        Path garbage = dir.resolve("garbage.yaml");
        Files.write(garbage, new byte[] {0x00, (byte) 0xff, 0x1b, '[', ':', '{', '\n', 0x07});
        assertThrows(ConfigException.class, () -> loader.load(garbage));
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat((int) AlarmDefinitionsLoader.MAX_FILE_BYTES));
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(huge)).getMessage()
                .endsWith("file is larger than 1 MiB"));
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(empty)).getMessage().contains("expected a mapping"));
        Path noAlarms = Files.writeString(dir.resolve("none.yaml"), "alarms: []\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(noAlarms)).getMessage()
                .contains("key 'alarms': expected a non-empty list of alarms, found a list"));
        Path deep = Files.writeString(dir.resolve("deep.yaml"), "alarms: " + "[".repeat(5000) + "]".repeat(5000));
        assertThrows(ConfigException.class, () -> loader.load(deep));
        Path bomb = Files.writeString(dir.resolve("bomb.yaml"), """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                alarms: [*g]
                """);
        assertThrows(ConfigException.class, () -> loader.load(bomb));
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(dir.resolve("absent.yaml"))).getMessage()
                .endsWith("file not found"));
    }

    @Test
    void theShippedDemoConfigLoadsWithTheExpectedAlarmsPerStation() throws Exception {
        List<AlarmDefinition> demo = loader.loadDemo();
        // 18 stations x (fault, temperature HH, temperature H, no data) + one weld low-temperature alarm per line
        assertEquals(18 * 4 + 3, demo.size());
        AlarmDefinition fault = demo.stream().filter(d -> d.id().equals("L2-PRESS-FAULT")).findFirst().orElseThrow();
        assertEquals(Priority.HIGH, fault.priority());
        assertEquals(TagPath.parse("demo/assembly/line-2/press/state"), fault.tag());
        assertTrue(demo.stream().allMatch(d -> d.messages().containsKey("zh-CN") && d.guidance().isPresent()));
    }

    @Test
    void shelveReasonsComeFromTheFileOrAreTheDefaultList() throws Exception {
        assertEquals(ShelveReasons.DEFAULT, loader.loadConfig(write(ONE)).shelveReasons());
        AlarmConfig config = loader.loadConfig(write(ONE + """
                shelveReasons:
                  - Planned maintenance
                  - " Sensor calibration "
                  - Something else (say what)
                """));
        assertEquals(List.of("Planned maintenance", "Sensor calibration", "Something else (say what)"),
                config.shelveReasons().reasons());
        assertEquals("Something else (say what)", config.shelveReasons().other());
        assertEquals(1, config.definitions().size());
        assertEquals(ShelveReasons.DEFAULT, loader.loadDemoConfig().shelveReasons());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a colon      | shelveReasons: [Maintenance, "Other: anything"]  | :9: key 'shelveReasons[1]': expected a text without ':'
            not text     | shelveReasons: [Maintenance, 42]                 | :9: key 'shelveReasons[1]': expected a non-empty text, found 42
            blank        | shelveReasons: ["  "]                            | :9: key 'shelveReasons[0]': expected a non-empty text
            duplicate    | shelveReasons: [Maintenance, Other, Maintenance] | :9: key 'shelveReasons[2]': expected a reason not listed before
            not a list   | shelveReasons: Maintenance                       | :9: key 'shelveReasons': expected a list of 1-20 reasons, found "Maintenance"
            empty list   | shelveReasons: []                                | :9: key 'shelveReasons': expected a list of 1-20 reasons, found 0 reasons
            """)
    void aBadShelveReasonIsRefusedNamingFileLineAndKey(String what, String line, String expected) throws Exception {
        Path file = write(ONE + line + "\n");
        String message = assertThrows(ConfigException.class, () -> loader.loadConfig(file)).getMessage();
        assertTrue(message.startsWith("alarms " + file + ":"), message);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void aBadShelveReasonOnItsOwnLineIsNamedByThatLine() throws Exception {
        Path file = write(ONE + """
                shelveReasons:
                  - Maintenance
                  - Nuisance
                  - "Other: free text"
                """);
        String message = assertThrows(ConfigException.class, () -> loader.loadConfig(file)).getMessage();
        assertTrue(message.contains(":12: key 'shelveReasons[2]': expected a text without ':'"), message);
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(write(ONE + "shelveReasons: [\"\"]\n")))
                .getMessage().contains("shelveReasons[0]"), "load(), the definitions only, checks the list too");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(write(ONE + "shelveReason: [x]\n")))
                .getMessage().contains("unknown key 'shelveReason'"));
    }
}
