package dev.trainspec.junit;

import dev.trainspec.check.UpdatePolicy;
import dev.trainspec.export.PytorchEngine;
import dev.trainspec.report.JsonResult;
import dev.trainspec.run.DataCache;
import dev.trainspec.run.Limits;
import dev.trainspec.run.RunSettings;
import dev.trainspec.run.Workers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters (SCENARIOS.md 8.1), read once per run from JUnit's
 * {@link ConfigurationParameters}: {@code junit-platform.properties}, a suite's
 * {@code @ConfigurationParameter}, then {@code -D} system properties (JUnit's own fallback).
 *
 * @param update which regression snapshots may be written ({@code trainspec.update}, forced to none when CI=true)
 * @param shard the stable 1/n of the scenarios this run takes ({@code trainspec.shard=i/n})
 * @param json where JSON results go, relative to each file's workspace root unless absolute ({@code trainspec.json})
 * @param allowEmpty accept scenario selectors that match nothing ({@code trainspec.allowEmpty}, for shards)
 * @param trainer what trains a file: the Java engine, or each variant's exported PyTorch script
 *     ({@code trainspec.engine=java|pytorch}, with {@code trainspec.python} and {@code trainspec.device})
 * @param filter the files and tags this run keeps after the selectors ({@code trainspec.scenarios}, {@code trainspec.tags})
 * @param longNames name tests "variant: title" instead of by the variant alone
 *     ({@code trainspec.naming=long}, as Cucumber's long naming strategy: for reports that list
 *     every file's tests side by side, such as Surefire's XML, where "base" alone would repeat)
 */
record EngineSettings(UpdatePolicy update, Shard shard, String json, boolean allowEmpty, Trainer trainer, ScenarioFilter filter, boolean longNames) {
    static final String UPDATE = "trainspec.update";
    /** Training threads; run.Workers reads it (see {@link PropertyBridge}). */
    static final String THREADS = Workers.THREADS_PROPERTY;
    static final String SHARD = "trainspec.shard";
    static final String JSON = "trainspec.json";
    static final String ALLOW_EMPTY = "trainspec.allowEmpty";
    static final String NAMING = "trainspec.naming";
    static final String ENGINE = "trainspec.engine";
    static final String PYTHON = "trainspec.python";
    static final String DEVICE = "trainspec.device";
    /** Prefix of the resource limits; run.Limits reads them (see {@link PropertyBridge}). */
    static final String LIMITS = Limits.PROPERTY_PREFIX;
    /** The data cache's folder or off, and its cap; run.DataCache reads them (see {@link PropertyBridge}). */
    static final String CACHE = DataCache.PROPERTY;

    /** Reads the parameters; a malformed value is an {@link IllegalArgumentException} naming the parameter. */
    static EngineSettings from(ConfigurationParameters p, Map<String, String> env) {
        // threads and limits reach run.Workers and run.Limits later (PropertyBridge): a malformed value is reported now, before anything trains
        RunSettings.check(key -> p.get(key).orElse(null));
        UpdatePolicy update;
        try {
            update = UpdatePolicy.resolve(p.get(UPDATE).orElse(null), env, UpdatePolicy.Door.JUNIT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(UPDATE + ": " + e.getMessage(), e);
        }
        String naming = p.get(NAMING).map(String::strip).orElse("short");
        if (!naming.equals("short") && !naming.equals("long")) {
            throw new IllegalArgumentException(NAMING + ": expected short (tests named by their variant) or long (\"variant: title\"), found '" + naming + "'");
        }
        String engine = p.get(ENGINE).map(String::strip).orElse(PytorchEngine.JAVA);
        if (!engine.equals(PytorchEngine.JAVA) && !engine.equals(PytorchEngine.PYTORCH)) {
            throw new IllegalArgumentException(ENGINE + ": expected " + PytorchEngine.JAVA + " or " + PytorchEngine.PYTORCH + ", found '" + engine + "'");
        }
        Trainer trainer = new Trainer(engine.equals(PytorchEngine.PYTORCH), p.get(PYTHON).orElse("python3"), p.get(DEVICE).orElse("cpu"));
        return new EngineSettings(update,
                Shard.parse(p.get(SHARD).orElse(null)), p.get(JSON).filter(s -> !s.isBlank()).orElse(JsonResult.DEFAULT_DIR),
                p.getBoolean(ALLOW_EMPTY).orElse(false), trainer,
                ScenarioFilter.parse(p.get(ScenarioFilter.SCENARIOS).orElse(null), p.get(ScenarioFilter.TAGS).orElse(null)), naming.equals("long"));
    }

    /** The JSON folder of a workspace. */
    Path jsonDir(Path root) {
        return root.resolve(json);
    }
}
