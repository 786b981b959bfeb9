package dev.trainspec.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trainspec.engine.nn.Parameter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** step() and setLr() sit in the training loop: after warm-up they must allocate nothing (measured per thread). */
class StepAllocatesNothingTest {
    @TestFactory
    Stream<DynamicTest> stepsAllocateNothing() {
        List<Function<List<Parameter>, Optimizer>> builders = List.of(
                ps -> new Sgd(ps, 0.1, 0.9, 0.1, false, 1e-4),
                ps -> new Sgd(ps, 0.1, 0.9, 0, true, 0),
                ps -> new Adam(ps, 1e-3, 0.9, 0.999, 1e-8, 1e-2, true),
                ps -> new AdamW(ps, 1e-3, 0.9, 0.999, 1e-8, 0.01, false),
                ps -> new RmsProp(ps, 0.01, 0.9, 1e-8, 1e-3, 0.9, true),
                ps -> new Adagrad(ps, 0.01, 0.01, 1e-3, 0.1, 1e-10));
        return builders.stream().map(b -> {
            List<Parameter> params = List.of(new Parameter("w", 16, 8), new Parameter("b", 16));
            Optimizer opt = b.apply(params);
            return DynamicTest.dynamicTest(opt.describe(), () -> assertEquals(0L, allocatedBy(opt, params), opt.describe() + " allocated bytes"));
        });
    }

    private static long allocatedBy(Optimizer opt, List<Parameter> params) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter unavailable");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        for (Parameter p : params) for (int j = 0; j < p.size(); j++) p.grad[j] = (j % 7 - 3) * 0.01f;
        for (int i = 0; i < 20_000; i++) loop(opt, i);  // let the JIT settle
        // the least of three windows: a late recompilation under a loaded suite can allocate a few
        // bytes once (seen: 64), while a step that allocates does so in every window
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && least != 0; attempt++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 2_000; i++) loop(opt, i);
            long after = threads.getThreadAllocatedBytes(id);
            long probe = threads.getThreadAllocatedBytes(id) - after;  // the counter's own cost, usually 0
            least = Math.min(least, after - before - probe);
        }
        return least;
    }

    private static void loop(Optimizer opt, int i) {
        opt.step();
        if (i % 100 == 0) opt.setLr(opt.lr());
    }
}
