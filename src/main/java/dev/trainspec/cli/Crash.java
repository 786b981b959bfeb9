package dev.trainspec.cli;

import dev.trainspec.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What a command's exception becomes (scenarios/README.md section 7): a scenario mistake that reached
 * here is exit 2 with its message; anything else is a bug of trainspec, exit 3, with one line on
 * the screen and the stack trace in a file the user can attach to the report.
 */
final class Crash implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintStream err = System.err;
        if (e instanceof ScenarioException refused) {
            err.println(refused.getMessage());
            return ExitCodes.INVALID;
        }
        err.println("trainspec: internal error (" + e + "); this is a bug, please report it with this file: " + write(e));
        return ExitCodes.CRASH;
    }

    /** The stack trace in a new file of the temporary folder; where it could not be written, the trace itself. */
    static String write(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        try {
            Path file = Files.createTempFile("trainspec-crash-", ".txt");
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
            return file.toString();
        } catch (IOException | RuntimeException notWritten) {
            return "(not written: " + notWritten.getMessage() + ")\n" + trace;
        }
    }
}
