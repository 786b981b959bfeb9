package dev.trainspec.cli;

import dev.trainspec.scenario.ScenarioSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "schema", description = "Print the JSON Schema of the scenario language (for editors).")
final class SchemaCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(ScenarioSchema.json());
        return ExitCodes.PASSED;
    }
}
