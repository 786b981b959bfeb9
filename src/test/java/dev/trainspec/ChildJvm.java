package dev.trainspec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own for a test that needs one (another working directory, other system
 * properties, a second process racing this one, an exit): this JVM's java and class path, C1
 * only and the serial collector. A short child spends most of its CPU compiling, and C1 alone
 * gives the same bits (Java's floating point does not depend on the compiler): the scalar-kernel
 * child of ShapedScalarVectorBitsTest took 1.7 s of CPU against 2.6 s with C2.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** {@code java <options> -cp <this class path> <mainClass> <args>}. */
    public static ProcessBuilder of(List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
