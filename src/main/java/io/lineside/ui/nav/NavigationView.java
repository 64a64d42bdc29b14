package io.lineside.ui.nav;

import io.lineside.ui.Disposable;
import java.time.Instant;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The navigation host's controller: a breadcrumb bar with back, forward and home, over the current level's view,
 * which it creates for each {@link Place} the {@link Navigator} reaches and disposes when left. FX thread only.
 */
public final class NavigationView implements Disposable {

    private final Navigator navigator;
    private final Function<Place, LevelView> levels;
    private LevelView current;
    private final ListChangeListener<Crumb> crumbsListener = c -> showCrumbs();
    private final javafx.beans.value.ChangeListener<Place> placeListener = (o, old, now) -> show(now);

    @FXML
    private Button backButton;
    @FXML
    private Button forwardButton;
    @FXML
    private HBox crumbsBox;
    @FXML
    private StackPane content;

    /** @param levels creates the view of a place (a new one each time: the host disposes it when left) */
    public NavigationView(Navigator navigator, Function<Place, LevelView> levels) {
        this.navigator = navigator;
        this.levels = levels;
    }

    @FXML
    private void initialize() {
        backButton.disableProperty().bind(navigator.canGoBackProperty().not());
        forwardButton.disableProperty().bind(navigator.canGoForwardProperty().not());
        showCrumbs();
        navigator.crumbs().addListener(crumbsListener);
        show(navigator.place());
        navigator.placeProperty().addListener(placeListener);
    }

    @FXML
    private void back() {
        navigator.back();
    }

    @FXML
    private void forward() {
        navigator.forward();
    }

    @FXML
    private void home() {
        navigator.home();
    }

    /** Feeds the shown level. FX thread only. */
    public void pulse(Instant now) {
        if (current != null) {
            current.pulse(now);
        }
    }

    /** Disposes the shown level and stops following the navigator (a reloaded main view has a new host). */
    @Override
    public void dispose() {
        navigator.crumbs().removeListener(crumbsListener);
        navigator.placeProperty().removeListener(placeListener);
        disposeLevel();
    }

    private void disposeLevel() {
        if (current != null) {
            current.dispose();
            current = null;
        }
    }

    private void show(Place place) {
        disposeLevel();
        current = levels.apply(place);
        content.getChildren().setAll(current.node());
    }

    private void showCrumbs() {
        crumbsBox.getChildren().clear();
        for (Crumb crumb : navigator.crumbs()) {
            if (!crumbsBox.getChildren().isEmpty()) {
                Label separator = new Label("\u203A");
                separator.getStyleClass().add("crumb-separator");
                crumbsBox.getChildren().add(separator);
            }
            if (crumb.current()) {
                Label here = new Label(crumb.text());
                here.getStyleClass().add("crumb-current");
                crumbsBox.getChildren().add(here);
            } else {
                Hyperlink link = new Hyperlink(crumb.text());
                link.getStyleClass().add("crumb");
                link.setOnAction(e -> navigator.go(crumb.place()));
                crumbsBox.getChildren().add(link);
            }
        }
    }
}
