package dev.trainspec.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainspec.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CNN trained in this JVM (vector kernels on once compiled) and in a child JVM started with
 * {@code -Dtrainspec.simd=false} (scalar kernels only) records the same bits in every metric of
 * every epoch: the convolution's sums run through LinearKernels, whose two paths agree. So do
 * wide MLPs, whose training steps read their rows where they lie on the vector kernels and from
 * a copy on the scalar ones (LinearKernels.trainsOnRows): this JVM trains on one thread, since a
 * helper copying batches ahead would make both sides read copies (BatchFeed.copiesAhead).
 */
class ShapedScalarVectorBitsTest {
    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/diagnosis/healthy/digits-cnn.yaml", "src/test/resources/run/threads/wide-classification.yaml"})
    void trainsToTheSameBitsWithAndWithoutTheVectorKernels(String file) throws Exception {
        Path scenario = Path.of(file);
        dev.trainspec.engine.tensor.Simd.awaitWarmUp(); // so this JVM's run takes the vector kernels where they are on
        String before = System.getProperty(Workers.THREADS_PROPERTY);
        System.setProperty(Workers.THREADS_PROPERTY, "1");
        String here;
        try {
            here = TrainedBits.of(scenario);
        } finally {
            if (before == null) System.clearProperty(Workers.THREADS_PROPERTY);
            else System.setProperty(Workers.THREADS_PROPERTY, before);
        }
        Process child = ChildJvm.of(List.of("--add-modules", "jdk.incubator.vector", "-Dtrainspec.simd=false"), TrainedBits.class.getName(), scenario.toString())
                .redirectErrorStream(true).directory(new File(".")).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the scalar-only JVM finished");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String line = out.lines().filter(l -> l.startsWith("BITS ")).findFirst().orElse("no BITS line in: " + out);
        assertEquals("BITS " + here, line);
    }
}
