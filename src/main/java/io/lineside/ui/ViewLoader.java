package io.lineside.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads our own FXML views (shipped in the app, never from outside) with constructor-injected controllers:
 * every controller class an FXML file names must have a supplier here, so nothing is instantiated
 * reflectively from a name in a file. FX thread only.
 */
public final class ViewLoader {

    private final Supplier<ResourceBundle> bundle;
    private final Map<Class<?>, Supplier<?>> controllers;

    public ViewLoader(ResourceBundle bundle, Map<Class<?>, Supplier<?>> controllers) {
        this(() -> bundle, controllers);
    }

    /** @param bundle asked at each load: the current language's (a language switch reloads the views) */
    public ViewLoader(Supplier<ResourceBundle> bundle, Map<Class<?>, Supplier<?>> controllers) {
        this.bundle = bundle;
        this.controllers = Map.copyOf(controllers);
    }

    /** Loads {@code <ControllerSimpleName>.fxml} next to {@code controllerClass}. */
    public Parent load(Class<?> controllerClass) {
        URL fxml = controllerClass.getResource(controllerClass.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("missing view " + controllerClass.getSimpleName() + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(fxml, bundle.get());
        loader.setControllerFactory(type -> {
            Supplier<?> supplier = controllers.get(type);
            if (supplier == null) {
                throw new IllegalStateException("no controller registered for " + type.getName());
            }
            return supplier.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}
