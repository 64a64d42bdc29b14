package io.lineside.ui.review;

import java.util.function.Function;
import javafx.scene.control.ChoiceBox;

/** An entry of a choice box: a value (null for "all") and what the box shows for it. */
record Choice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }

    /** Fills {@code box} with an "all" entry (if {@code all} is not null) and one per value; selects the first. */
    static <T> void fill(ChoiceBox<Choice<T>> box, String all, T[] values, Function<T, String> label) {
        box.getItems().clear();
        if (all != null) {
            box.getItems().add(new Choice<>(null, all));
        }
        for (T value : values) {
            box.getItems().add(new Choice<>(value, label.apply(value)));
        }
        box.getSelectionModel().selectFirst();
    }
}
