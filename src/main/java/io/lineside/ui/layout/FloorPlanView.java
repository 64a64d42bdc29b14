package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The floor plan: the plan's items drawn in plan units inside one group, scaled to fit the pane. Nodes are built
 * once per plan (a reload or a new scope), one per item, and then only updated by their item; nothing in a pulse
 * asks for a layout pass (item nodes are unmanaged). FX thread only.
 */
public final class FloorPlanView extends Pane {

    private static final String CSS = FloorPlanView.class.getResource("floorplan.css").toExternalForm();

    private final FloorPlanViewModel vm;
    private final Group content = new Group();
    private final Scale scale = new Scale(1, 1);
    private final Translate shift = new Translate();
    private Box frame = new Box(0, 0, 1, 1);
    private int layoutPasses;

    private FloorPlanView(FloorPlanViewModel vm) {
        this.vm = vm;
        getStyleClass().add("floor-plan");
        content.setManaged(false);
        content.getTransforms().setAll(scale, shift);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        getChildren().add(content);
        setMinSize(0, 0);
        vm.planProperty().addListener((obs, old, plan) -> rebuild(plan));
        rebuild(vm.planProperty().get());
    }

    /**
     * The floor plan with its toolbar (layout name, last message, "Reload layout"), for the integrator to place.
     * FX thread only.
     */
    public static Node create(FloorPlanViewModel vm) {
        return create(vm, true);
    }

    /** As {@link #create(FloorPlanViewModel)}; without {@code reloadable} the toolbar has no "Reload layout". */
    public static Node create(FloorPlanViewModel vm, boolean reloadable) {
        FloorPlanView plan = new FloorPlanView(vm);
        Texts texts = vm.texts();
        Label name = new Label();
        name.getStyleClass().add("fp-layout-name");
        name.setMinWidth(Region.USE_PREF_SIZE); // a long message wraps; the layout's name is never squeezed
        name.textProperty().bind(vm.planProperty().map(p -> p.layout().name(texts.language())).orElse(texts.get("layout.none")));
        Label message = new Label();
        message.getStyleClass().add("fp-message");
        message.textProperty().bind(vm.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        // A refused reload names file, line and what is wrong: it wraps (the bar grows) rather than being cut.
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(vm.messageProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        message.setTooltip(whole);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button reload = new Button(texts.get("layout.reload"));
        reload.setMinWidth(Region.USE_PREF_SIZE);
        reload.getStyleClass().add("fp-reload");
        reload.setOnAction(e -> vm.reload());
        HBox bar = reloadable ? new HBox(12, name, message, reload) : new HBox(12, name, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("fp-toolbar");
        BorderPane root = new BorderPane(plan);
        root.setTop(bar);
        root.getStyleClass().add("floor-plan-pane");
        root.getStylesheets().add(CSS);
        root.setMinSize(0, 0);
        root.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
        return root;
    }

    /** The plan pane inside a node made by {@link #create} (for tests and benchmarks). */
    static FloorPlanView planOf(Node created) {
        return (FloorPlanView) ((BorderPane) created).getCenter();
    }

    /** How many layout passes this pane has run (a pulse must not cause any). */
    int layoutPasses() {
        return layoutPasses;
    }

    /** How many nodes draw the plan (proportional to its items). */
    int nodeCount() {
        return count(content);
    }

    private static int count(Node node) {
        int n = 1;
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    private void rebuild(FloorPlanViewModel.Plan plan) {
        List<Node> nodes = new ArrayList<>();
        if (plan != null) {
            frame = plan.frame();
            for (FloorPlanViewModel.LineTitle line : plan.lines()) {
                Text title = new Text(line.x(), line.y() - 8, line.text());
                title.getStyleClass().add("fp-line-title");
                nodes.add(title);
            }
            plan.connections().forEach(c -> nodes.add(new ConnectionNode(c)));
            plan.symbols().forEach(s -> nodes.add(SymbolNodes.create(s, vm)));
            // Markers last: above every symbol, so a neighbour never covers one.
            plan.symbols().stream().filter(SymbolViewModel::carriesMarker)
                    .forEach(s -> nodes.add(new AlarmMarkerNode(s, vm)));
        }
        content.getChildren().setAll(nodes);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        layoutPasses++;
        double w = getWidth();
        double h = getHeight();
        double s = Math.min(w / frame.width(), h / frame.height());
        if (!(s > 0) || !Double.isFinite(s)) {
            return;
        }
        scale.setX(s);
        scale.setY(s);
        shift.setX(-frame.x() + (w / s - frame.width()) / 2);
        shift.setY(-frame.y() + (h / s - frame.height()) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return frame.width();
    }

    @Override
    protected double computePrefHeight(double width) {
        return frame.height();
    }
}
