package io.lineside.layout.edit;

import io.lineside.config.ConfigException;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutLoader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One editing session of a layout: the layout as edited now, undo and redo of every edit, and after each edit the
 * loader's verdict on it (the edited layout is written as the file would be and read back by {@link LayoutLoader},
 * so the messages are the loader's own and what is saved opens at the next start). Not thread-safe: one owner (the
 * editor's view-model, on the FX thread).
 */
public final class LayoutEditor {

    /** Undo steps kept; older ones are forgotten. */
    static final int MAX_UNDO = 200;

    private record Step(String what, Layout before) {
    }

    private final LayoutLoader loader;
    private final LayoutWriter writer = new LayoutWriter();
    private final String source;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Layout current;
    private Optional<LayoutProblem> problem;
    private Optional<Layout> valid;

    /** @param source the file the layout is saved to, as the loader's messages name it */
    public LayoutEditor(Layout start, LayoutLoader loader, String source) {
        this.loader = loader;
        this.source = source;
        this.current = Objects.requireNonNull(start);
        check();
    }

    public Layout current() {
        return current;
    }

    /** The loader's refusal of the current layout, or empty when it would load. */
    public Optional<LayoutProblem> problem() {
        return problem;
    }

    /** The current layout as the loader reads it back, when it is valid (what a save writes). */
    public Optional<Layout> valid() {
        return valid;
    }

    /** The file text of the current layout. */
    public String text() {
        return writer.write(current);
    }

    /** Applies {@code edit} as one undoable step named {@code what}; an edit that changes nothing is no step. */
    public void apply(String what, UnaryOperator<Layout> edit) {
        Layout next = edit.apply(current);
        if (next.equals(current)) {
            return;
        }
        undo.push(new Step(what, current));
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
        check();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What the next undo would take back, or empty. */
    public Optional<String> undoName() {
        return Optional.ofNullable(undo.peek()).map(Step::what);
    }

    public void undo() {
        travel(undo, redo);
    }

    public void redo() {
        travel(redo, undo);
    }

    /** Takes the newest step of {@code from} back, and keeps the layout it leaves on {@code to}. */
    private void travel(Deque<Step> from, Deque<Step> to) {
        Step step = from.poll();
        if (step != null) {
            to.push(new Step(step.what(), current));
            current = step.before();
            check();
        }
    }

    private void check() {
        try {
            valid = Optional.of(loader.parse(source, writer.write(current)));
            problem = Optional.empty();
        } catch (ConfigException e) {
            valid = Optional.empty();
            problem = Optional.of(LayoutProblem.of(e));
        }
    }
}
