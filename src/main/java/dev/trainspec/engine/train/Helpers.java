package dev.trainspec.engine.train;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that may help one run with work split into numbered tasks (an evaluation's chunks).
 * The caller always works too, as slot 0, and helpers only take tasks nobody has claimed yet; so
 * a helper that starts late (its executor busy with other runs, or the very pool the caller runs
 * on) finds nothing left and leaves, and no run ever waits for a thread that has not started:
 * with no helper free, the caller does every task itself. Which thread did a task never shows
 * in the results: callers keep per-task results and combine them in task order.
 */
public final class Helpers {
    /** No helper: every task on the calling thread. */
    public static final Helpers NONE = new Helpers(Runnable::run, 0);

    private final Executor executor;
    private final int count;

    /** @param count how many of the executor's threads one run may use besides its own */
    public Helpers(Executor executor, int count) {
        if (count < 0) throw new IllegalArgumentException("helpers must be >= 0, got " + count);
        this.executor = executor;
        this.count = count;
    }

    public int count() {
        return count;
    }

    /** task(slot, i) for every i in [0, tasks), the caller as slot 0 and up to {@code slots - 1} helpers as slots 1, 2, ... */
    void run(int tasks, int slots, SlotTask task) {
        int helpers = Math.min(Math.min(count, slots - 1), tasks - 1);
        if (helpers <= 0) {
            for (int i = 0; i < tasks; i++) task.run(0, i);
            return;
        }
        Job job = new Job(tasks, task);
        for (int slot = 1; slot <= helpers; slot++) {
            int s = slot;
            lend(() -> job.work(s));
        }
        job.work(0);
        job.await();
    }

    /** Starts {@code work} on one of the executor's threads, or not at all when it is shut down: the caller must not depend on it. */
    void lend(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException shutDown) {
            // the caller does the work
        }
    }

    /** One unit of work, run by the thread that holds {@code slot}'s buffers. */
    @FunctionalInterface
    interface SlotTask {
        void run(int slot, int task);
    }

    private static final class Job {
        private final int tasks;
        private final SlotTask task;
        private final Thread caller = Thread.currentThread();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Job(int tasks, SlotTask task) {
            this.tasks = tasks;
            this.task = task;
        }

        void work(int slot) {
            try {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    try {
                        task.run(slot, i);
                    } catch (Throwable t) {
                        failure = t;
                    } finally {
                        if (done.incrementAndGet() == tasks) LockSupport.unpark(caller);
                    }
                }
            } catch (Throwable t) {
                // the JVM raises a data cache mapping's fault when the thread next polls, which may be past the task's own
                // catch: kept, so the caller throws it instead of returning what the faulting read left
                failure = t;
            }
        }

        /** Until every claimed task has finished (the caller has claimed all the others itself). */
        void await() {
            while (done.get() < tasks) LockSupport.park(this);
            Throwable t = failure;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
        }
    }
}
