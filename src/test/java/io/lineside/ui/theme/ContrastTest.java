package io.lineside.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself: WCAG's reference values, and a low-contrast colour is caught with where it is set. */
class ContrastTest {

    private static final String BASE = """
            .root {
                -ls-text: #1e1e1e;
                -ls-bg: #c8c8c8;
                -ls-overlay: rgba(0, 0, 0, 0.5);
            }
            .label { -ls-text: #ffffff; }
            """;

    @Test
    void blackOnWhiteIsTwentyOneAndEqualColoursAreOne() {
        assertEquals(21.0, Contrast.ratio(0x000000, 0xffffff), 1e-9);
        assertEquals(21.0, Contrast.ratio(0xffffff, 0x000000), 1e-9);
        assertEquals(1.0, Contrast.ratio(0x777777, 0x777777), 1e-9);
    }

    @Test
    void greyOnWhiteMatchesWcagsWorkedValue() {
        // #767676 on white is the lightest grey meeting 4.5:1 (4.54:1); #777777 just misses (4.48:1).
        assertEquals(4.54, Contrast.ratio(0x767676, 0xffffff), 0.01);
        assertTrue(Contrast.ratio(0x777777, 0xffffff) < Contrast.TEXT);
    }

    @Test
    void readsOnlyTheRootBlockAndAVariantOverridesItsBase() {
        ThemePalette base = ThemePalette.parse("base.css", BASE);
        assertEquals(0x1e1e1e, base.color("-ls-text"), "the .label rule below .root is not a variable");
        ThemePalette dark = base.overriddenBy(ThemePalette.parse("dark.css", ".root {\n  -ls-bg: #222;\n}\n"));
        assertEquals(0x222222, dark.color("-ls-bg"));
        assertEquals(0x1e1e1e, dark.color("-ls-text"));
        assertEquals("dark.css:2", dark.where("-ls-bg"));
    }

    @Test
    void aLowContrastColourIsReportedWithItsFileAndLine() {
        ThemePalette palette = ThemePalette.parse("base.css", BASE).overriddenBy(
                ThemePalette.parse("night.css", "/* night */\n.root {\n    -ls-text: #555555;\n}\n"));
        List<ContrastRules.Shortfall> shortfalls = ContrastRules.check(palette,
                List.of(new ContrastRules.Pair("-ls-text", "-ls-bg", Contrast.TEXT)));
        assertEquals(1, shortfalls.size());
        String message = shortfalls.getFirst().toString();
        assertTrue(message.startsWith("-ls-text on -ls-bg is 4.46:1, needs 4.5:1"), message);
        assertTrue(message.contains("night.css:3") && message.contains("base.css:3"), message);
        assertTrue(ContrastRules.check(ThemePalette.parse("base.css", BASE),
                List.of(new ContrastRules.Pair("-ls-text", "-ls-bg", Contrast.TEXT))).isEmpty());
    }

    @Test
    void aColourTheCheckCannotReadOrAMissingOneIsAPreciseError() {
        ThemePalette palette = ThemePalette.parse("base.css", BASE);
        var notHex = assertThrows(IllegalArgumentException.class, () -> palette.color("-ls-overlay"));
        assertEquals("base.css:4: -ls-overlay is rgba(0, 0, 0, 0.5), expected a colour #rrggbb (the contrast check"
                + " reads only those)", notHex.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> palette.color("-ls-surface"));
        assertEquals("no colour variable -ls-surface in .root", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ThemePalette.parse("x.css", ".label { }"));
    }
}
