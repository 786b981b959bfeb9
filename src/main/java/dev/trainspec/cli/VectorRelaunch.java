package dev.trainspec.cli;

import dev.trainspec.engine.tensor.Simd;
import dev.trainspec.run.Discovery;
import dev.trainspec.run.VectorWork;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code java -jar trainspec.jar run ...} restarts itself once with
 * {@code --add-modules jdk.incubator.vector} when the files hold enough work for the vector
 * kernels to pay ({@link VectorWork}), without users typing the flag: an executable jar's
 * manifest cannot add a module. {@code bench} always restarts (it measures the vector kernels);
 * lint, data and schema never do;
 * the child gets the same JVM options, class path and arguments, its exit code is passed on, and
 * the JVM's notice that an incubating module is in use is dropped from its error stream. Results
 * are the same bits either way (the scalar kernels are the vector ones' twins), so
 * {@code -Dtrainspec.relaunch=false} or a failed restart just means slower runs.
 */
final class VectorRelaunch {
    private static final Set<String> TRAINING_COMMANDS = Set.of("run", "bench");
    /** Set in the child, so a child that still lacks the module does not restart again. */
    private static final String MARKER = "TRAINSPEC_RELAUNCHED";
    private static final String NOTICE = "WARNING: Using incubator modules: " + Simd.MODULE;

    private VectorRelaunch() {}

    /** Whether the arguments name a command that trains (and so may want the vector module). */
    static boolean trains(String[] args) {
        return args.length > 0 && TRAINING_COMMANDS.contains(args[0]);
    }

    static boolean wanted(String[] args) {
        return wanted(args, files(args), VectorRelaunch::load);
    }

    /** A scenario file as {@code run} loads it. */
    static ScenarioFile load(Path file) {
        return ScenarioLoader.load(file, Workspace.of(file));
    }

    /** {@link #wanted(String[])} for the {@code files} the arguments name, each loaded by {@code load}. */
    static boolean wanted(String[] args, List<Path> files, Function<Path, ScenarioFile> load) {
        return trains(args) && !Simd.moduleLoaded()
                && System.getenv(MARKER) == null
                && Boolean.parseBoolean(System.getProperty("trainspec.relaunch", "true"))
                && (args[0].equals("bench") || pays(files, load));
    }

    /**
     * Whether the files {@code run} names hold work the vector kernels pay for (run.VectorWork):
     * most scenarios do not, and run at once in this JVM on the scalar kernels (same bits)
     * instead of paying for a second JVM. The files are loaded here only to estimate; one that
     * does not load counts as nothing, and {@code run} reports it.
     */
    static boolean pays(String[] args) {
        return pays(files(args), VectorRelaunch::load);
    }

    private static boolean pays(List<Path> files, Function<Path, ScenarioFile> load) {
        for (Path file : files) {
            try {
                if (VectorWork.pays(load.apply(file))) return true;
            } catch (RuntimeException e) {
                // not a scenario this JVM can estimate: run reports it
            }
        }
        return false;
    }

    /** The scenario files a training command's arguments name, folders expanded; none for a path that is not there. */
    static List<Path> files(String[] args) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-")) continue; // an option's value that is a folder is scanned too: at worst an estimate too high
            try {
                Path p = Path.of(args[i]);
                if (Files.exists(p)) files.addAll(Discovery.find(List.of(p), Workspace.of(p).scenariosDir(), null));
            } catch (RuntimeException e) {
                // not a path this JVM can read: run reports it
            }
        }
        return files;
    }

    /** Runs the child JVM to its end; null when it could not be started (then run in this JVM). */
    static Integer run(String[] args) {
        return run(args, System.err);
    }

    static Integer run(String[] args, PrintStream err) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add(Simd.MODULE);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(MARKER, "1");
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println("trainspec: could not restart with the vector kernels (" + e.getMessage() + "); running on the scalar ones");
            return null;
        }
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        Thread errors = new Thread(() -> copyErrors(child, err), "trainspec-child-stderr");
        errors.start();
        try {
            int code = child.waitFor();
            errors.join();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return code;
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return ExitCodes.CRASH;
        }
    }

    /** The child's error stream, line by line, without the JVM's incubating-module notice. */
    private static void copyErrors(Process child, PrintStream to) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.equals(NOTICE)) to.println(line);
            }
        } catch (IOException e) {
            to.println("trainspec: lost the run's error stream: " + e.getMessage());
        }
    }
}
