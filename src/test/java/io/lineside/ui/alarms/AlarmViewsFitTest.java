package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.testsupport.Screenshots;
import io.lineside.ui.theme.Theme;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: nothing an operator needs is elided at 1280x800, in English and Chinese, normal and touch size: every
 * word of the banner (Silence above all), the summary's toolbar, its column headers and State column is shown whole
 * and inside the window. Also writes the review screenshots of these cases (and night) under target/screenshots.
 */
class AlarmViewsFitTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest(name = "{0} touch={1} {2}")
    @CsvSource({"en,false,LIGHT", "zh-CN,false,LIGHT", "en,true,LIGHT", "zh-CN,true,LIGHT", "en,false,DARK"})
    void everyWordOfBannerToolbarAndStateShowsWholeAt1280x800(String language, boolean touch, Theme theme)
            throws Exception {
        List<String> elided = WaitForAsyncUtils.asyncFx(() -> {
            AlarmViewsFixture f = new AlarmViewsFixture(Locale.forLanguageTag(language), 1280, 800, touch, theme);
            try {
                Screenshots.save(f.root, "alarms-1280x800-" + language + (touch ? "-touch" : "")
                        + (theme == Theme.DARK ? "-night" : ""));
                return f.elided();
            } finally {
                f.close();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), elided);
    }
}
