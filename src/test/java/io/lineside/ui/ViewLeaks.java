package io.lineside.ui;

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

    /** The controllers of one screen, before and after a language switch, once its window closed. */
    public record Dropped(WeakReference<Object> relocalised, WeakReference<Object> closed) {
    }

    private ViewLeaks() {
    }

    /**
     * Opens {@code type}'s view with controllers from {@code controller} in English, switches to Chinese, runs
     * {@code whileShown} (e.g. pulses the model), and closes the window. FX thread work is done on the FX thread.
     */
    public static Dropped openSwitchAndClose(Texts texts, Class<?> type, Supplier<?> controller, String titleKey,
                                             Lifecycle model, Runnable whileShown) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<WeakReference<Object>> made = new ArrayList<>();
            ViewLoader loader = new ViewLoader(texts::bundle, Map.of(type, () -> {
                Object c = controller.get();
                made.add(new WeakReference<>(c));
                return c;
            }));
            ViewRegistry registry = new ViewRegistry();
            registry.register("screen", titleKey, () -> loader.load(type));
            WindowManager windows = new WindowManager(texts, registry, DisplayPrefs.DEFAULT, prefs -> { });
            windows.addLanguageHook(model::relocalize);
            Stage stage = windows.open("screen");
            stage.setWidth(1280);
            stage.setHeight(800);
            whileShown.run();
            windows.switchLanguage(Locale.SIMPLIFIED_CHINESE.toLanguageTag());
            whileShown.run();
            stage.close();
            if (made.size() != 2) {
                throw new AssertionError("expected the view built twice (open, language switch), was " + made.size());
            }
            return new Dropped(made.get(0), made.get(1));
        }).get(30, TimeUnit.SECONDS);
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
