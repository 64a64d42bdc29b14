package io.lineside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lineside.ui.window.DisplayPrefs;
import io.lineside.ui.window.ViewRegistry;
import io.lineside.ui.window.WindowManager;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Proves a screen's view can be collected once the shell drops it, while its view-model lives on: the view opens in
 * a window of its own through {@link WindowManager} (as the shell opens it), a language switch rebuilds it (the
 * view-model is relocalised first, as the shell does), then the window closes. Both the rebuilt-away and the closed
 * controller must be collectable; a strong listener left on the view-model keeps them, and the test fails.
 */
public final class ViewLeaks {

    private ViewLeaks() {
    }

    /**
     * Opens {@code type}'s view with controllers from {@code controller} in English, runs {@code whileShown} (e.g.
     * pulses the model), switches to Chinese and asserts the controller the switch replaced is collected while its
     * window is still open; runs {@code whileShown} again, closes the window and asserts the last one is collected.
     */
    public static void assertReleasedOnSwitchAndClose(Texts texts, Class<?> type, Supplier<?> controller,
                                                      String titleKey, Lifecycle model, Runnable whileShown)
            throws Exception {
        List<WeakReference<Object>> made = new ArrayList<>();
        AtomicReference<Stage> stage = new AtomicReference<>(); // cleared once closed: the test must not hold it
        stage.set(WaitForAsyncUtils.asyncFx(() -> {
            ViewLoader loader = new ViewLoader(texts::bundle, Map.of(type, () -> {
                Object c = controller.get();
                made.add(new WeakReference<>(c));
                return c;
            }));
            ViewRegistry registry = new ViewRegistry();
            registry.register("screen", titleKey, () -> loader.load(type));
            WindowManager windows = new WindowManager(texts, registry, DisplayPrefs.DEFAULT, prefs -> { });
            windows.addLanguageHook(model::relocalize);
            Stage s = windows.open("screen");
            s.setWidth(1280);
            s.setHeight(800);
            whileShown.run();
            windows.switchLanguage(Locale.SIMPLIFIED_CHINESE.toLanguageTag());
            whileShown.run();
            return s;
        }).get(30, TimeUnit.SECONDS));
        assertEquals(2, made.size(), "the view is built twice: opened, then rebuilt by the language switch");
        assertCollected(made.get(0), type.getSimpleName() + " replaced by the language switch (window still open)");
        WaitForAsyncUtils.asyncFx(() -> {
            whileShown.run();
            stage.getAndSet(null).close();
        }).get(30, TimeUnit.SECONDS);
        assertCollected(made.get(1), type.getSimpleName() + " of the closed window");
    }

    /** Asserts {@code ref} is cleared within a bounded number of collections (the FX thread idle in between). */
    public static void assertCollected(WeakReference<?> ref, String what) throws Exception {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            WaitForAsyncUtils.waitForFxEvents(); // pulses release what the last layout held
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[256 * 1024];
            }
            System.gc();
            Thread.sleep(20);
        }
        assertNull(ref.get(), what + " is still reachable: a subscription to a longer-lived object was not released");
    }
}
