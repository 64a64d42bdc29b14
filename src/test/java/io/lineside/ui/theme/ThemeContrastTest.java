package io.lineside.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped themes, day and night, keep every text readable and every state indicator visible (WCAG AA). */
class ThemeContrastTest {

    @Test
    void theLightThemeMeetsWcagContrast() throws IOException {
        assertEquals(List.of(), ContrastRules.check(read(Theme.LIGHT), ContrastRules.pairs()));
    }

    @Test
    void theDarkThemeOverlaidOnTheLightOneMeetsWcagContrast() throws IOException {
        assertEquals(List.of(), ContrastRules.check(read(Theme.DARK), ContrastRules.pairs()));
    }

    private static ThemePalette read(Theme theme) throws IOException {
        ThemePalette palette = null;
        for (String sheet : theme.stylesheets()) {
            ThemePalette one = ThemePalette.parse(sheet, resource(sheet));
            palette = palette == null ? one : palette.overriddenBy(one);
        }
        return palette;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing stylesheet " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
