package io.lineside.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Every task ends, and busy is false before its callback: a thrown Error and a refused executor included. */
class BackgroundTasksTest {

    private final List<Runnable> background = new ArrayList<>();
    private final List<String> said = new ArrayList<>();

    @Test
    void anErrorInTheWorkEndsTheTaskWithTheFailure() {
        BackgroundTasks tasks = new BackgroundTasks(background::add, Runnable::run);
        tasks.run(() -> {
            throw new NoClassDefFoundError("org/apache/commons/logging/LogFactory");
        }, r -> said.add("ok " + r), f -> said.add("failed busy=" + tasks.busyProperty().get() + " "
                + BackgroundTasks.describe(f)));
        assertTrue(tasks.busyProperty().get());
        background.removeFirst().run();
        assertFalse(tasks.busyProperty().get());
        assertEquals(List.of("failed busy=false NoClassDefFoundError: org/apache/commons/logging/LogFactory"), said);
    }

    @Test
    void busyStaysUntilTheLastOfTwoTasksEnds() {
        BackgroundTasks tasks = new BackgroundTasks(background::add, Runnable::run);
        tasks.run(() -> "a", said::add, f -> said.add("failed"));
        tasks.run(() -> "b", said::add, f -> said.add("failed"));
        background.removeFirst().run();
        assertTrue(tasks.busyProperty().get(), "b still runs");
        background.removeFirst().run();
        assertFalse(tasks.busyProperty().get());
        assertEquals(List.of("a", "b"), said);
    }

    @Test
    void aRefusedTaskIsAFailureNotASpinner() {
        BackgroundTasks tasks = new BackgroundTasks(r -> {
            throw new RejectedExecutionException("closing");
        }, Runnable::run);
        tasks.run(() -> "a", said::add, f -> said.add(BackgroundTasks.describe(f)));
        assertFalse(tasks.busyProperty().get());
        assertEquals(List.of("closing"), said);
    }
}
