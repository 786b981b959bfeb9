package dev.trainspec.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class HelpersTest {
    @Test
    void everyTaskRunsExactlyOnceWithSlotsInRange() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Helpers helpers = new Helpers(pool, 3);
            for (int round = 0; round < 50; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(1000);
                Set<Integer> slots = ConcurrentHashMap.newKeySet();
                helpers.run(1000, 3, (slot, task) -> {
                    slots.add(slot);
                    runs.incrementAndGet(task);
                });
                for (int i = 0; i < 1000; i++) assertEquals(1, runs.get(i), "task " + i);
                assertTrue(slots.stream().allMatch(s -> s >= 0 && s < 3), slots.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The caller's own pool busy (its one thread is the caller, or blocked): the caller does every task, no wait. */
    @Test
    void aHelperThatNeverStartsCostsNothing() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicIntegerArray bySlot = new AtomicIntegerArray(2);
            new Helpers(pool, 1).run(100, 2, (slot, task) -> bySlot.incrementAndGet(slot));
            assertEquals(100, bySlot.get(0));
            assertEquals(0, bySlot.get(1));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskFailingOnAHelperFailsTheCaller() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            IllegalStateException bug = new IllegalStateException("engine bug");
            Thread caller = Thread.currentThread();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new Helpers(pool, 2).run(200, 3, (slot, task) -> {
                if (Thread.currentThread() != caller || task == 199) throw bug;
            }));
            assertSame(bug, thrown);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noHelperRunsEverythingOnTheCallersThreadInOrder() {
        StringBuilder order = new StringBuilder();
        Helpers.NONE.run(5, 4, (slot, task) -> order.append(slot).append(task).append(' '));
        assertEquals("00 01 02 03 04 ", order.toString());
    }
}
