package io.lineside.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.util.Subscription;

/**
 * The one way views release what they subscribed to: a {@link Subscription} per listener, combined per view and
 * released on dispose; a view's root carries what disposes it, so whoever drops the root (a closed window, a
 * language switch) releases it without knowing its controllers. FX thread only.
 */
public final class Views {

    private static final Object DISPOSE = new Object();

    private Views() {
    }

    /** Listens to {@code list}'s changes until the returned subscription is released (lists have no subscribe). */
    public static <E> Subscription onChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        return () -> list.removeListener(listener);
    }

    /** Runs {@code release} when {@code root} is {@linkplain #dispose disposed}, after what was registered before. */
    public static void whenDisposed(Node root, Subscription release) {
        Subscription before = (Subscription) root.getProperties().get(DISPOSE);
        root.getProperties().put(DISPOSE, before == null ? release : before.and(release));
    }

    /** Releases what {@code root}'s views subscribed to; a second call does nothing. */
    public static void dispose(Node root) {
        if (root != null && root.getProperties().remove(DISPOSE) instanceof Subscription release) {
            release.unsubscribe();
        }
    }
}
