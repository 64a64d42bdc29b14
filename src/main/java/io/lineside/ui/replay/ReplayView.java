package io.lineside.ui.replay;

import io.lineside.ui.Texts;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import java.util.function.Function;

/**
 * The replay window's content: the live alarm banner on top (replay never hides a live alarm), the "REPLAY
 * hh:mm:ss — not live" banner, the display hierarchy fed from the replay and the alarm list of the instant (no
 * commands: there is nothing to act on in the past), then the timeline and the player's controls. The whole sits in
 * a distinct frame. Esc or "Back to live" closes it. Thin: every handler calls the view-model. FX thread only.
 */
public final class ReplayView {

    private final ReplayViewModel model;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final ReplayTimeline timeline;
    private final AnimationTimer timer;
    private final Runnable onDispose;
    private boolean disposed;

    /**
     * @param liveBanner the live alarm banner's view
     * @param hierarchy  the replayed display hierarchy (a navigation host)
     * @param pulse      the host's pulse of the hierarchy, given the replayed instant
     * @param onDispose  disposes the replay's view-models
     */
    public ReplayView(ReplayViewModel model, Parent liveBanner, Node hierarchy, java.util.function.Consumer<Instant> pulse,
                      Texts texts, Runnable onDispose) {
        this.model = model;
        this.texts = texts;
        this.onDispose = onDispose;
        this.timeline = new ReplayTimeline(model::seek);
        model.addReceiver(pulse);
        root.getStyleClass().add("replay-frame");
        root.setTop(new VBox(liveBanner, banner()));
        BorderPane.setMargin(hierarchy, new Insets(4));
        root.setCenter(hierarchy);
        root.setRight(alarmList());
        root.setBottom(new VBox(4, timeline, controls()));
        model.sourceProperty().addListener((o, old, now) -> timeline.setSource(now));
        model.cursorProperty().addListener((o, old, now) -> timeline.setCursor(now));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                backToLive();
                e.consume();
            }
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.pulse(Instant.now());
            }
        };
        timer.start();
        // Closed, or replaced by a language switch: stop the timer and let go of the view-models.
        root.sceneProperty().flatMap(s -> s.windowProperty()).flatMap(w -> w.showingProperty()).orElse(false)
                .addListener((o, was, showing) -> {
                    if (was && !showing) {
                        dispose();
                    }
                });
    }

    public Parent root() {
        return root;
    }

    private Node banner() {
        Label text = new Label();
        text.setId("replayBanner");
        text.getStyleClass().add("replay-banner-text");
        text.textProperty().bind(model.bannerTextProperty());
        Label window = new Label();
        window.setId("replayWindow");
        window.textProperty().bind(model.windowTextProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button live = new Button(texts.get("replay.live"));
        live.setId("replayLive");
        live.setOnAction(e -> backToLive());
        HBox box = new HBox(12, text, window, spring, live);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("replay-banner");
        return box;
    }

    private Node alarmList() {
        TableView<ReplayAlarmRow> table = new TableView<>(model.alarms());
        table.setId("replayAlarms");
        table.getColumns().add(column("replay.col.since", ReplayAlarmRow::since, 70));
        table.getColumns().add(column("replay.col.state", ReplayAlarmRow::state, 130));
        table.getColumns().add(column("replay.col.who", ReplayAlarmRow::who, 210));
        table.getColumns().add(column("replay.col.priority", ReplayAlarmRow::priority, 70));
        table.getColumns().add(column("replay.col.message", ReplayAlarmRow::message, 220));
        table.setPlaceholder(new Label(texts.get("replay.noAlarms")));
        Label title = new Label(texts.get("replay.alarms"));
        title.getStyleClass().add("replay-section");
        VBox box = new VBox(4, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        // A share of the window, so a faceplate beside it keeps its names at 1280 px; at most its columns' width.
        box.prefWidthProperty().bind(root.widthProperty().multiply(0.25));
        box.setMinWidth(280);
        box.setMaxWidth(520);
        box.setPadding(new Insets(4));
        return box;
    }

    private TableColumn<ReplayAlarmRow, String> column(String key, Function<ReplayAlarmRow, String> value,
                                                       double width) {
        TableColumn<ReplayAlarmRow, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private Node controls() {
        Button previous = button("replayPrevious", texts.get("replay.previous"), model::stepPrevious);
        Button play = button("replayPlay", "", model::togglePlay);
        play.textProperty().bind(model.playingProperty().map(p -> texts.get(p ? "replay.pause" : "replay.play")));
        Button next = button("replayNext", texts.get("replay.next"), model::stepNext);
        ChoiceBox<Integer> speed = new ChoiceBox<>(FXCollections.observableArrayList(ReplayViewModel.SPEEDS));
        speed.setId("replaySpeed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer times) {
                return times == null ? "" : "\u00D7" + times;
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.substring(1));
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((o, old, now) -> model.setSpeed(now));
        TextField time = new TextField();
        time.setId("replayTime");
        time.setPromptText(texts.get("replay.timePrompt"));
        time.setPrefColumnCount(12);
        Button go = button("replayGo", texts.get("replay.go"), () -> model.jumpTo(time.getText()));
        time.setOnAction(e -> model.jumpTo(time.getText()));
        Label status = new Label();
        status.setId("replayStatus");
        status.getStyleClass().add("replay-status");
        status.textProperty().bind(model.statusTextProperty());
        HBox box = new HBox(8, previous, play, next, new Label(texts.get("replay.speed")), speed, time, go, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 6, 6, 6));
        box.disableProperty().bind(model.loadingProperty());
        return box;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void backToLive() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().hide();
        }
    }

    /** Stops the timer and the replay's view-models. Idempotent. */
    public void dispose() {
        if (!disposed) {
            disposed = true;
            timer.stop();
            onDispose.run();
        }
    }
}
