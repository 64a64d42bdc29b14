package io.lineside.ui;

/**
 * A view (controller or widget) that subscribed to a longer-lived view-model: {@link #dispose} releases those
 * subscriptions, so a closed or rebuilt view can be collected. {@link ViewLoader} disposes the controllers it created
 * when the view's root is {@linkplain Views#dispose disposed}. FX thread only.
 */
public interface Disposable {

    /** Releases every subscription to a longer-lived object; the view is not used again. */
    void dispose();
}
