package dev.trainspec.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * run.Limits, run.Workers and run.DataCache read {@code trainspec.limits.*}, {@code trainspec.threads} and {@code trainspec.cache*} from
 * system properties (the CLI sets them from its flags). A value given as a JUnit configuration
 * parameter (junit-platform.properties, {@code @ConfigurationParameter}) reaches them by being a
 * system property for the duration of the run; the previous values come back on {@link #close()}.
 */
final class PropertyBridge implements AutoCloseable {
    private final Map<String, String> previous = new LinkedHashMap<>();

    static PropertyBridge open(ConfigurationParameters parameters) {
        PropertyBridge bridge = new PropertyBridge();
        for (String key : parameters.keySet()) {
            if (!key.startsWith(EngineSettings.LIMITS) && !key.equals(EngineSettings.THREADS) && !key.startsWith(EngineSettings.CACHE)) continue;
            String value = parameters.get(key).orElse(null);
            String old = System.getProperty(key);
            if (value == null || value.equals(old)) continue;
            bridge.previous.put(key, old);
            System.setProperty(key, value);
        }
        return bridge;
    }

    /** True when this run's thread count differs from the one the shared pool was sized by. */
    boolean threadsChanged() {
        return previous.containsKey(EngineSettings.THREADS);
    }

    @Override
    public void close() {
        previous.forEach((key, old) -> {
            if (old == null) System.clearProperty(key);
            else System.setProperty(key, old);
        });
    }
}
