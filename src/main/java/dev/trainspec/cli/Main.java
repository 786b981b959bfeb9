package dev.trainspec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/trainspec.jar run|lint|data|schema|export}. */
@Command(name = "trainspec", mixinStandardHelpOptions = true, version = "trainspec 0.1.0",
        description = "Training recipes as regression tests.",
        subcommands = {RunCommand.class, LintCommand.class, DataCommand.class, SchemaCommand.class, BenchCommand.class, SummaryCommand.class,
                ExportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, lint, data, schema, export or bench");
    }

    public static void main(String[] args) {
        if (VectorRelaunch.wanted(args)) {
            Integer code = VectorRelaunch.run(args);
            if (code != null) System.exit(code);
        }
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).setExitCodeExceptionMapper(e -> ExitCodes.CRASH).execute(args);
    }
}
