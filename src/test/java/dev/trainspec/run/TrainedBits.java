package dev.trainspec.run;

import dev.trainspec.engine.train.History;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/** Prints one line: every recorded metric of every run of a scenario file, as raw double bits (for comparing JVMs). */
final class TrainedBits {
    private TrainedBits() {}

    static String of(Path file) {
        Path root = Path.of("").toAbsolutePath();
        ScenarioFile loaded = ScenarioLoader.load(file, new Workspace(root, root.resolve("scenarios")));
        StringBuilder sb = new StringBuilder();
        for (VariantResult v : ScenarioRunner.run(loaded)) {
            if (v.error() != null) throw new IllegalStateException(v.error());
            for (var run : v.runs()) {
                History h = run.training().history();
                for (String metric : new TreeSet<>(h.names())) {
                    sb.append(v.name()).append('.').append(metric).append('=');
                    for (double d : h.series(metric)) sb.append(Long.toHexString(Double.doubleToRawLongBits(d))).append(',');
                    sb.append(';');
                }
            }
        }
        return Integer.toHexString(sb.toString().hashCode()) + ":" + sb.length() + ":" + List.of(sb.substring(0, Math.min(120, sb.length())));
    }

    public static void main(String[] args) {
        System.out.println("BITS " + of(Path.of(args[0])));
    }
}
