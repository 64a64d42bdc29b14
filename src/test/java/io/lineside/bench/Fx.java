package io.lineside.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/** The JavaFX toolkit for the harness: headless (Monocle, software rendering) unless the JVM was told otherwise. */
final class Fx {

    /** The same platform the headless UI tests use (see fx.test.flags in pom.xml). */
    private static final Map<String, String> HEADLESS = Map.of("glass.platform", "Monocle",
            "monocle.platform", "Headless", "prism.order", "sw", "headless.geometry", "1600x1000-32");

    private Fx() {
    }

    /** Starts the toolkit once per JVM; a toolkit already started (e.g. by TestFX in the test run) is reused. */
    static synchronized void start() throws InterruptedException {
        HEADLESS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        try {
            // Through TestFX, like the UI tests: a toolkit started with Platform.startup first leaves TestFX's robot
            // tests in the same JVM (BenchSmokeTest runs in ./mvnw test) clicking into nothing.
            FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start within TestFX's timeout", e);
        }
        Platform.setImplicitExit(false);
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T call(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }
}
