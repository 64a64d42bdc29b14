package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.config.ConfigFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the alarm editor writes, the loader reads back equal: the demo file and every kind and option. */
class AlarmDefinitionsWriterTest {

    private final AlarmDefinitionsLoader loader = new AlarmDefinitionsLoader();
    private final AlarmDefinitionsWriter writer = new AlarmDefinitionsWriter();

    @TempDir
    Path dir;

    @Test
    void theDemoAlarmsRoundTripThroughARealFileEqual() throws Exception {
        AlarmConfig demo = loader.loadDemoConfig();
        Path file = dir.resolve("demo").resolve("alarms.yaml");
        ConfigFiles.replace(file, writer.write(demo));
        AlarmConfig back = loader.loadConfig(file);
        assertEquals(demo.definitions().size(), back.definitions().size());
        for (int i = 0; i < demo.definitions().size(); i++) {
            assertEquals(demo.definitions().get(i), back.definitions().get(i), "alarm " + i);
        }
        assertEquals(demo, back);
    }

    @Test
    void everyKindAndOptionRoundTripsEqual() throws Exception {
        AlarmConfig config = loader.parseConfig("all.yaml", """
                defaults: {maxShelveMinutes: 60, realarmMinutes: 15}
                alarms:
                  - id: T-HH
                    tag: s/a/l/st/temperature
                    kind: limit
                    level: HH
                    limit: 90.3
                    deadbandPercent: 2.5
                    span: {min: -3.7, max: 200}
                    priority: Critical
                    onDelaySeconds: 5
                    offDelaySeconds: 10
                    latching: true
                    realarmMinutes: 0
                    maxShelveMinutes: 30
                    station: s/a/l/other
                    message: {en: "very \\"hot\\" \\\\ here", zh-CN: 温度过高}
                    guidance:
                      cause: cooling
                      consequence: {en: damage, zh-CN: 损坏}
                      action: {en: stop}
                      respondWithinMinutes: 5
                    suppressWhen: {tag: s/a/l/st/state, equals: idle}
                  - {id: T-H, tag: s/a/l/st/temperature, kind: limit, level: H, limit: 80, deadband: 0.1, priority: High, message: {en: hot}}
                  - {id: T-L, tag: s/a/l/st/temperature, kind: limit, level: L, limit: -1e-7, priority: Low, message: {en: cold}}
                  - {id: S-BIT, tag: s/a/l/st/status, kind: discrete, bit: 3, priority: Diagnostic, message: {en: bit}, suppressWhen: {tag: s/a/l/st/mode, bit: 1}}
                  - {id: S-EQ, tag: s/a/l/st/state, kind: discrete, equals: "fault: hard", priority: High, message: {en: "a: b # c"}}
                  - {id: DEV, tag: s/a/l/st/temperature, kind: deviation, setpoint: s/a/l/st/sp, limit: 5, deadband: 1, priority: Medium, message: {en: dev}}
                  - {id: ROC, tag: s/a/l/st/temperature, kind: rateOfChange, limit: 2, priority: low, message: {en: roc}}
                  - {id: ND, tag: s/a/l/st/cycles, kind: noData, seconds: 10, priority: Medium, message: {en: silent}}
                shelveReasons: [Maintenance, Trial run, Other]
                """);
        String yaml = writer.write(config);
        assertEquals(config, loader.parseConfig("written.yaml", yaml), yaml);
        assertTrue(yaml.contains("shelveReasons:"), "non-default reasons are kept");
        assertEquals(yaml, writer.write(loader.parseConfig("again.yaml", yaml)), "writing is stable");
    }

    @Test
    void theDefaultShelveReasonsAreNotWrittenSoTheyStayTranslated() throws Exception {
        AlarmConfig config = new AlarmConfig(List.of(AlarmDefinition.simple("A", io.lineside.tags.TagPath.parse(
                "s/a/l/st/t"), Priority.LOW, new NoDataCondition(java.time.Duration.ofSeconds(3)))),
                ShelveReasons.DEFAULT);
        String yaml = writer.write(config);
        assertTrue(!yaml.contains("shelveReasons"), yaml);
        assertEquals(config, loader.parseConfig("x.yaml", yaml));
    }
}
