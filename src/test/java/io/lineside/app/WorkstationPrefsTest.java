package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.ui.theme.Theme;
import io.lineside.ui.window.DisplayPrefs;
import io.lineside.ui.window.WindowPlacement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's language, theme, touch size and window arrangement survive a restart; a broken file is kept. */
class WorkstationPrefsTest {

    @TempDir
    Path dir;

    @Test
    void whatWasSavedIsWhatIsLoadedAtTheNextStart() throws Exception {
        DisplayPrefs saved = new DisplayPrefs(Optional.of("zh-CN"), Theme.DARK, true, List.of(
                new WindowPlacement(WindowPlacement.MAIN, 0, 0, 1600, 1000, true, 0),
                new WindowPlacement("trend", 1930.5, 20, 900, 640, false, 1)));
        new WorkstationPrefs(dir).save(saved);
        assertEquals(saved, new WorkstationPrefs(dir).load());
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        assertEquals(DisplayPrefs.DEFAULT, new WorkstationPrefs(dir.resolve("new")).load());
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsApply() throws Exception {
        WorkstationPrefs prefs = new WorkstationPrefs(dir);
        Files.writeString(prefs.file(), "{\"theme\": \"sepia\"}");
        assertEquals(DisplayPrefs.DEFAULT, prefs.load());
        assertEquals("{\"theme\": \"sepia\"}", Files.readString(dir.resolve("display.json.bad")));
        assertTrue(Files.notExists(prefs.file()));
    }

    @Test
    void badValuesAreNamedByKey() {
        assertEquals("d.json: theme: expected light or dark, found \"sepia\"", assertThrows(IllegalArgumentException.class,
                () -> WorkstationPrefs.parse("d.json", "{\"theme\": \"sepia\"}")).getMessage());
        assertEquals("d.json: language: expected en or zh-CN, found \"fr\"", assertThrows(IllegalArgumentException.class,
                () -> WorkstationPrefs.parse("d.json", "{\"language\": \"fr\"}")).getMessage());
        assertEquals("d.json: windows[0].width: expected a number, found \"wide\"", assertThrows(
                IllegalArgumentException.class, () -> WorkstationPrefs.parse("d.json",
                        "{\"windows\": [{\"view\": \"trend\", \"x\": 1, \"y\": 2, \"width\": \"wide\", \"height\": 3}]}"))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkstationPrefs.parse("d.json", "{\n\"touch\": tru"))
                .getMessage().startsWith("d.json: line 2: not JSON"));
    }
}
