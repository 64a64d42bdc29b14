package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.testsupport.Screenshots;
import io.lineside.ui.theme.Theme;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The banner and summary at 1920x1080 (en, zh-CN), each in a stage of its own (a 1920x1080 resize of the shared
 * primary stage broke later tests in the same JVM): nothing elided there either, and the review screenshots.
 */
class AlarmViewsWideScreenshotTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void nothingElidedAt1920x1080(String language) throws Exception {
        List<String> elided = WaitForAsyncUtils.asyncFx(() -> {
            AlarmViewsFixture f = new AlarmViewsFixture(Locale.forLanguageTag(language), 1920, 1080, false,
                    Theme.LIGHT);
            try {
                Screenshots.save(f.root, "alarms-1920x1080-" + language);
                return f.elided();
            } finally {
                f.close();
            }
        }).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), elided);
    }
}
