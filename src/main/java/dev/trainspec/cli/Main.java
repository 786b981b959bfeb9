package dev.trainspec.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/trainspec.jar COMMAND}: the commands are the subcommands below. */
// scope INHERIT: every subcommand has --help and --version too
@Command(name = "trainspec", mixinStandardHelpOptions = true, version = "trainspec 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Training recipes as regression tests.",
        subcommands = {RunCommand.class, LintCommand.class, DataCommand.class, SchemaCommand.class, BenchCommand.class, SummaryCommand.class, CompareCommand.class,
                ExportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<String> commands = spec.subcommands().entrySet().stream()
                .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden()).map(Map.Entry::getKey).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", commands));
    }

    public static void main(String[] args) {
        if (VectorRelaunch.wanted(args)) {
            Integer code = VectorRelaunch.run(args);
            if (code != null) System.exit(code);
        }
        System.exit(execute(args));
    }

    /**
     * Runs the CLI and returns its exit code (for tests): usage errors are picocli's message and
     * usage text with exit 2; a command's exception goes through {@link Crash}.
     */
    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler(new Crash())
                .execute(args);
    }

    /** The mistake, picocli's suggestions ("did you mean --update"), then the command's usage: exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        cmd.usage(err);
        return ExitCodes.INVALID;
    }
}
