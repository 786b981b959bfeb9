package dev.trainspec.cli;

import dev.trainspec.run.RunSettings;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/trainspec.jar COMMAND}: the commands are the subcommands below. */
// scope INHERIT: every subcommand has --help and --version too
@Command(name = "trainspec", mixinStandardHelpOptions = true, version = "trainspec 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Training recipes as regression tests.")
public final class Main implements Runnable {
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, LintCommand.class, DataCommand.class, SchemaCommand.class,
            BenchCommand.class, SummaryCommand.class, CompareCommand.class, ExportCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<String> commands = spec.subcommands().entrySet().stream()
                .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden()).map(Map.Entry::getKey).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + String.join(", ", commands));
    }

    public static void main(String[] args) {
        ColdStart beside = ColdStart.begin(args); // the estimate and a warm-up, beside picocli's setup
        CommandLine cli = commandLine(args);
        if (beside.restartWanted()) {
            Integer code = VectorRelaunch.run(args);
            if (code != null) System.exit(code);
        }
        System.exit(cli.execute(args));
    }

    /**
     * Runs the CLI and returns its exit code (for tests): usage errors are picocli's message and
     * usage text with exit 2; a command's exception goes through {@link Crash}.
     */
    public static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * The command line for {@code args}: when they start with a command's name, only that command
     * is modelled (picocli reflects over every option of every command it is given, about 25 ms of
     * a cold JVM's CPU for the other seven); otherwise all of them, for the list and the suggestions.
     */
    private static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String named = args.length > 0 && COMMANDS.stream().anyMatch(c -> nameOf(c).equals(args[0])) ? args[0] : null;
        for (Class<?> command : COMMANDS) {
            if (named == null || nameOf(command).equals(named)) cli.addSubcommand(nameOf(command), command);
        }
        return cli.setParameterExceptionHandler(Main::usageError).setExecutionExceptionHandler(new Crash())
                .setExecutionStrategy(Main::settingsCheckedFirst);
    }

    /**
     * Runs the command once the settings given as system properties ({@code JAVA_OPTS=-Dtrainspec.threads=N})
     * are known to parse: a malformed one is a usage error (exit 2) with the same message the JUnit
     * engine gives, not a crash halfway through a run. Help and version need no settings.
     */
    private static int settingsCheckedFirst(CommandLine.ParseResult parsed) {
        if (CommandLine.printHelpIfRequested(parsed)) return ExitCodes.PASSED;
        try {
            RunSettings.check(System::getProperty);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
