package io.lineside.ui.nav;

import io.lineside.ui.Lifecycle;
import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operator's way through the display hierarchy: the current {@link Place}, browser-like back and forward
 * history (bounded, oldest dropped first) and the breadcrumb trail Plant › line › station › Diagnostics.
 * Listen to {@link #placeProperty()} to follow it. FX thread only; one per window.
 */
public final class Navigator implements Lifecycle {

    /** How many places back (and forward) are remembered. */
    public static final int HISTORY_LIMIT = 50;

    private final Texts texts;
    private final int limit;
    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Place> place = new ReadOnlyObjectWrapper<>(Place.plant());
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final ObservableList<Crumb> crumbs = FXCollections.observableArrayList();
    private final ObservableList<Crumb> readOnlyCrumbs = FXCollections.unmodifiableObservableList(crumbs);

    public Navigator(Texts texts) {
        this(texts, HISTORY_LIMIT);
    }

    Navigator(Texts texts, int limit) {
        this.texts = texts;
        this.limit = limit;
        crumbs.setAll(trail(Place.plant()));
    }

    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place.getReadOnlyProperty();
    }

    public Place place() {
        return place.get();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Plant › line › station › Diagnostics, down to the current place. */
    public ObservableList<Crumb> crumbs() {
        return readOnlyCrumbs;
    }

    // Commands

    /** Goes to {@code target}; the current place joins the back history and the forward history is cleared. */
    public void go(Place target) {
        if (target.equals(place.get())) {
            return;
        }
        push(back, place.get());
        forward.clear();
        show(target);
    }

    /** Opens a station's faceplate (alarm → station in one click). */
    public void openStation(StationId station) {
        go(Place.station(station));
    }

    /** The plant overview. */
    public void home() {
        go(Place.plant());
    }

    /** One level up the hierarchy. */
    public void up() {
        go(place.get().parent());
    }

    /** Returns to the previous place, if any. */
    public void back() {
        if (!back.isEmpty()) {
            push(forward, place.get());
            show(back.pop());
        }
    }

    /** Undoes a {@link #back()}, if any. */
    public void forward() {
        if (!forward.isEmpty()) {
            push(back, place.get());
            show(forward.pop());
        }
    }

    /** Re-words the breadcrumb trail in the current language of {@link Texts}. */
    @Override
    public void relocalize() {
        crumbs.setAll(trail(place.get()));
    }

    private void push(Deque<Place> stack, Place p) {
        stack.push(p);
        while (stack.size() > limit) {
            stack.removeLast();
        }
    }

    private void show(Place target) {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
        crumbs.setAll(trail(target));
        place.set(target);
    }

    private List<Crumb> trail(Place target) {
        List<Place> path = new ArrayList<>();
        for (Place p = target; ; p = p.parent()) {
            path.addFirst(p);
            if (p.level() == Place.Level.PLANT) {
                break;
            }
        }
        List<Crumb> out = new ArrayList<>();
        for (Place p : path) {
            String text = switch (p.level()) {
                case PLANT -> texts.get("nav.plant");
                case LINE -> p.line().displayName();
                case STATION -> p.station().station();
                case DIAGNOSTICS -> texts.get("nav.diagnostics");
            };
            out.add(new Crumb(text, p, p.equals(target)));
        }
        return out;
    }
}
