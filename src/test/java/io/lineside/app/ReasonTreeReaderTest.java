package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.shifts.ReasonTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station.downtimeReasons}: read strictly, errors naming the file and key; the default without it. */
class ReasonTreeReaderTest {

    @TempDir
    Path dir;

    private Path write(String reasons) throws Exception {
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, "station:\n  name: press-line-1\n" + reasons, StandardCharsets.UTF_8);
        return f;
    }

    private String error(String reasons) throws Exception {
        Path f = write(reasons);
        ConfigException e = assertThrows(ConfigException.class, () -> new StationProfileLoader().load(f));
        assertTrue(e.getMessage().startsWith("config " + f), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsCategoriesReasonsAndLabelsPerLanguage() throws Exception {
        ReasonTree tree = new StationProfileLoader().load(write("""
                  downtimeReasons:
                    - code: mechanical
                      label: {en: Mechanical, zh-CN: 机械}
                      reasons:
                        - {code: jam, label: {en: Jam, zh-CN: 卡料}}
                        - {code: drive-fault, label: Drive fault}
                    - code: planned
                      label: Planned
                      reasons:
                        - {code: changeover, label: {en: Changeover}}
                """)).orElseThrow().downtimeReasons();
        assertEquals(List.of("jam", "drive-fault", "changeover"), tree.codes());
        assertEquals("机械 \u203A 卡料", tree.label("jam", Locale.SIMPLIFIED_CHINESE).orElseThrow());
        assertEquals("机械 \u203A Drive fault", tree.label("drive-fault", Locale.SIMPLIFIED_CHINESE).orElseThrow(),
                "a reason without a Chinese label falls back to English");
        assertEquals("Planned \u203A Changeover", tree.label("changeover", Locale.ENGLISH).orElseThrow());
        assertTrue(tree.label("mechanical", Locale.ENGLISH).isEmpty(), "a category is not a reason");
    }

    @Test
    void withoutTheBlockTheDefaultTreeHasEnglishAndChinese() throws Exception {
        ReasonTree tree = new StationProfileLoader().load(write("")).orElseThrow().downtimeReasons();
        assertEquals(ReasonTree.DEFAULT, tree);
        assertEquals("Material \u203A Starved by supplier", tree.label("starved-supplier", Locale.ENGLISH).orElseThrow());
        assertEquals("计划停机 \u203A 换型", tree.label("changeover", Locale.SIMPLIFIED_CHINESE).orElseThrow());
    }

    @Test
    void mistakesNameTheKey() throws Exception {
        assertTrue(error("  downtimeReasons: []\n").contains("key 'station.downtimeReasons': expected a list"));
        assertTrue(error("""
                  downtimeReasons:
                    - {code: m, label: M, reasons: [{code: jam, label: Jam, colour: red}]}
                """).contains("unknown key 'station.downtimeReasons[0].reasons[0].colour'"));
        assertTrue(error("""
                  downtimeReasons:
                    - {code: m, label: M, reasons: [{code: jam, label: Jam}]}
                    - {code: p, label: P, reasons: [{code: jam, label: Jam again}]}
                """).contains("key 'station.downtimeReasons[1].reasons[0].code': expected a code not used before"));
        assertTrue(error("""
                  downtimeReasons:
                    - {code: m, label: {zh-CN: 机械}, reasons: [{code: jam, label: Jam}]}
                """).contains("key 'station.downtimeReasons[0].label': expected a text, or a mapping"));
        assertTrue(error("""
                  downtimeReasons:
                    - {code: "a b", label: M, reasons: [{code: jam, label: Jam}]}
                """).contains("key 'station.downtimeReasons[0].code'"));
        assertTrue(error("""
                  downtimeReasons:
                    - {code: m, label: M, reasons: []}
                """).contains("key 'station.downtimeReasons[0].reasons': expected a list of reasons"));
    }
}
