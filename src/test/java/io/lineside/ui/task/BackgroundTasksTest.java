package io.lineside.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Every task ends, and busy is false before its callback: a thrown Error and a refused executor included; in a slot
 * the newest run wins and an older one's answer is dropped. Executors here are lists the test runs by hand.
 */
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

    @Test
    void busyEndsFalseAfterASuccessAndTheResultArrivesOnTheFxExecutor() {
        List<Runnable> fx = new ArrayList<>();
        BackgroundTasks tasks = new BackgroundTasks(background::add, fx::add);
        tasks.run(() -> "rows", r -> said.add(r + " busy=" + tasks.busyProperty().get()), f -> said.add("failed"));
        background.removeFirst().run();
        assertTrue(said.isEmpty(), "nothing reaches the view before the FX executor runs it");
        assertTrue(tasks.busyProperty().get());
        fx.removeFirst().run();
        assertEquals(List.of("rows busy=false"), said);
    }

    @Test
    void anExceptionInTheWorkReachesOnFailureWithItsOwnMessage() {
        BackgroundTasks tasks = BackgroundTasks.sameThread();
        tasks.run(() -> {
            throw new java.io.IOException("disk full");
        }, r -> said.add("ok"), f -> said.add("busy=" + tasks.busyProperty().get() + " " + BackgroundTasks.describe(f)));
        assertEquals(List.of("busy=false disk full"), said);
    }

    @Test
    void aNewerRunInTheSameSlotDropsTheOlderResult() {
        BackgroundTasks tasks = new BackgroundTasks(background::add, Runnable::run);
        BackgroundTasks.Latest slot = tasks.latest();
        slot.run(() -> "old", said::add, f -> said.add("failed"));
        slot.run(() -> "middle", said::add, f -> said.add("failed"));
        slot.run(() -> "new", said::add, f -> said.add("failed"));
        assertEquals(1, background.size(), "one task of a slot at a time");
        background.removeFirst().run();
        assertTrue(said.isEmpty(), "the superseded answer is dropped");
        assertTrue(tasks.busyProperty().get(), "the newest still has to run");
        assertEquals(1, background.size(), "only the newest runs next; the middle one is skipped");
        background.removeFirst().run();
        assertEquals(List.of("new"), said);
        assertFalse(tasks.busyProperty().get());
        assertFalse(slot.running());
    }

    @Test
    void supersededWorkCanSeeItIsNoLongerWanted() {
        BackgroundTasks tasks = new BackgroundTasks(background::add, Runnable::run);
        BackgroundTasks.Latest slot = tasks.latest();
        List<Boolean> seen = new ArrayList<>();
        slot.run(superseded -> {
            seen.add(superseded.getAsBoolean());
            return "old";
        }, said::add, f -> said.add("failed"));
        slot.run(superseded -> {
            seen.add(superseded.getAsBoolean());
            return "new";
        }, said::add, f -> said.add("failed"));
        background.removeFirst().run();
        background.removeFirst().run();
        assertEquals(List.of(true, false), seen);
        assertEquals(List.of("new"), said);
    }

    @Test
    void aSupersededFailureIsDroppedTooAndBusyStillEnds() {
        BackgroundTasks tasks = new BackgroundTasks(background::add, Runnable::run);
        BackgroundTasks.Latest slot = tasks.latest();
        slot.<String>run(() -> {
            throw new IllegalStateException("old query failed");
        }, said::add, f -> said.add("failed " + f.getMessage()));
        slot.run(() -> "new", said::add, f -> said.add("failed " + f.getMessage()));
        background.removeFirst().run();
        background.removeFirst().run();
        assertEquals(List.of("new"), said);
        assertFalse(tasks.busyProperty().get());
    }

    @Test
    void aCancelledSlotDropsTheAnswerOnItsWayAndTheWaitingRun() {
        BackgroundTasks tasks = new BackgroundTasks(background::add, Runnable::run);
        BackgroundTasks.Latest slot = tasks.latest();
        slot.run(() -> "running", said::add, f -> said.add("failed"));
        slot.run(() -> "waiting", said::add, f -> said.add("failed"));
        slot.cancel();
        background.removeFirst().run();
        assertTrue(background.isEmpty(), "the waiting run never starts");
        assertTrue(said.isEmpty());
        assertFalse(tasks.busyProperty().get());
        slot.run(() -> "after", said::add, f -> said.add("failed"));
        background.removeFirst().run();
        assertEquals(List.of("after"), said, "a slot is usable again after a cancel");
    }

    @Test
    void aRefusedSlotRunIsAFailureAndFreesTheSlot() {
        BackgroundTasks tasks = new BackgroundTasks(r -> {
            throw new RejectedExecutionException("closing");
        }, Runnable::run);
        BackgroundTasks.Latest slot = tasks.latest();
        slot.run(() -> "a", said::add, f -> said.add(BackgroundTasks.describe(f)));
        assertFalse(tasks.busyProperty().get());
        assertFalse(slot.running());
        assertEquals(List.of("closing"), said);
    }

    @Test
    void anErrorInASlotRunReachesOnFailure() {
        BackgroundTasks tasks = BackgroundTasks.sameThread();
        tasks.latest().run(() -> {
            throw new StackOverflowError();
        }, r -> said.add("ok"), f -> said.add("busy=" + tasks.busyProperty().get() + " " + BackgroundTasks.describe(f)));
        assertEquals(List.of("busy=false StackOverflowError"), said);
    }

    @Test
    void awaitedWorkOfAServiceEndsLikeOwnWorkOnTheFxExecutor() {
        List<Runnable> fx = new ArrayList<>();
        BackgroundTasks tasks = new BackgroundTasks(background::add, fx::add);
        CompletableFuture<String> sent = new CompletableFuture<>();
        CompletableFuture<String> broken = new CompletableFuture<>();
        tasks.await(sent, r -> said.add("done " + r), f -> said.add("failed"));
        tasks.await(broken.thenApply(r -> r), r -> said.add("done " + r),
                f -> said.add("busy=" + tasks.busyProperty().get() + " " + BackgroundTasks.describe(f)));
        assertTrue(tasks.busyProperty().get());
        sent.complete("confirmed");
        broken.completeExceptionally(new NoClassDefFoundError("org/eclipse/paho/Missing"));
        assertTrue(said.isEmpty(), "the service's thread does not touch the view");
        fx.removeFirst().run();
        assertTrue(tasks.busyProperty().get(), "the second still runs");
        fx.removeFirst().run();
        assertEquals(List.of("done confirmed", "busy=false NoClassDefFoundError: org/eclipse/paho/Missing"), said,
                "the real failure, not its CompletionException wrapper");
        assertTrue(background.isEmpty(), "awaiting uses no background thread of its own");
    }

    @Test
    void aHelperForServicesOnlyRefusesOwnWorkInsteadOfRunningItOnTheFxThread() {
        BackgroundTasks tasks = BackgroundTasks.awaitingOnly(Runnable::run);
        List<String> ranOn = new ArrayList<>();
        tasks.run(() -> ranOn.add(Thread.currentThread().getName()), r -> said.add("ran"),
                f -> said.add(BackgroundTasks.describe(f)));
        assertTrue(ranOn.isEmpty());
        assertEquals(List.of("this view-model has no background executor"), said);
        assertFalse(tasks.busyProperty().get());
    }
}
