package io.lineside.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads our own FXML views (shipped in the app, never from outside) with constructor-injected controllers:
 * every controller class an FXML file names must have a supplier here, so nothing is instantiated
 * reflectively from a name in a file. The controllers that are {@link Disposable} (those of included views too) are
 * disposed with the loaded root ({@link Views#dispose}). FX thread only.
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
        List<Disposable> created = new ArrayList<>();
        loader.setControllerFactory(type -> { // includes load through the same factory
            Supplier<?> supplier = controllers.get(type);
            if (supplier == null) {
                throw new IllegalStateException("no controller registered for " + type.getName());
            }
            Object controller = supplier.get();
            if (controller instanceof Disposable view) {
                created.add(view);
            }
            return controller;
        });
        try {
            Parent root = loader.load();
            if (!created.isEmpty()) {
                Views.whenDisposed(root, () -> created.forEach(Disposable::dispose));
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}
