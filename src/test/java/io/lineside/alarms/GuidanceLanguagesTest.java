package io.lineside.alarms;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmGuidanceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guidance texts per language, as messages are: plain English still loads, the UI shows its own language. */
class GuidanceLanguagesTest {

    @TempDir
    Path dir;
    private final AlarmDefinitionsLoader loader = new AlarmDefinitionsLoader();

    private List<AlarmDefinition> load(String guidance) throws Exception {
        return loader.load(Files.writeString(dir.resolve("plant-alarms.yaml"), """
                alarms:
                  - id: A1
                    tag: s/a/l/st/temperature
                    kind: limit
                    level: H
                    limit: 50
                    priority: High
                    message: {en: hot, zh-CN: 热}
                """ + "    guidance: " + guidance + "\n"));
    }

    @Test
    void aPlainTextGuidanceStillLoadsAsEnglishForEveryLanguage() throws Exception {
        Guidance g = load("{cause: cooling, consequence: damage, action: stop, respondWithinMinutes: 5}")
                .getFirst().guidance().orElseThrow();
        assertEquals("cooling", g.cause());
        assertEquals("cooling", g.cause("zh-CN"));
        assertEquals(Map.of(), g.translations());
    }

    @Test
    void eachTextMayBeAMappingOfLanguageAndAMissingTranslationFallsBackToEnglish() throws Exception {
        Guidance g = load("{cause: {en: cooling lost, zh-CN: 冷却失效}, consequence: {en: damage},"
                + " action: {en: stop heating, zh-CN: 停止加热}, respondWithinMinutes: 5}").getFirst().guidance().orElseThrow();
        assertEquals("cooling lost", g.cause("en"));
        assertEquals("冷却失效", g.cause("zh-CN"));
        assertEquals("damage", g.consequence("zh-CN"), "not translated: English");
        assertEquals("停止加热", g.action("zh-CN"));
        assertEquals("stop heating", g.action("fr"), "an unknown language: English");
    }

    @Test
    void aTranslatedTextWithoutEnglishOrInAnUnknownLanguageIsRefused() {
        ConfigException noEnglish = assertThrows(ConfigException.class, () -> load(
                "{cause: {zh-CN: 冷却失效}, consequence: damage, action: stop, respondWithinMinutes: 5}"));
        assertTrue(noEnglish.getMessage().contains("guidance.cause.en"), noEnglish.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> load(
                "{cause: {en: x, de: y}, consequence: damage, action: stop, respondWithinMinutes: 5}"));
        assertTrue(unknown.getMessage().contains("unknown key 'guidance.cause.de'"), unknown.getMessage());
    }

    @Test
    void theDemoAlarmsHaveChineseGuidanceAndTheDetailShowsTheUiLanguage() throws Exception {
        List<AlarmDefinition> demo = loader.loadDemo();
        assertTrue(demo.stream().allMatch(d -> d.guidance().orElseThrow().translations().containsKey("zh-CN")));
        AlarmDefinition fault = demo.stream().filter(d -> d.id().equals("L1-LOAD-FAULT")).findFirst().orElseThrow();
        String zh = AlarmGuidanceText.of(fault, Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
        assertTrue(zh.contains("工位因故障停机（卡料、传感器或驱动）。"), zh);
        assertTrue(zh.contains("读取工位面板上的故障代码"), zh);
        String en = AlarmGuidanceText.of(fault, Texts.forLocale(Locale.ENGLISH));
        assertTrue(en.contains("The station stopped on a fault (jam, sensor or drive)."), en);
        assertTrue(!en.contains("工位"), en);
    }
}
