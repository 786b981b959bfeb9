package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.Params;

import java.util.Map;

/**
 * A validated mapping of known keys with every default filled in. embedded is the chosen
 * alternative of a mapping that holds one (the data source of {@code data:}), else null.
 */
record Obj(Map<String, Object> values, Map<String, Origin> origins, Origin origin, Named embedded) {
    Object get(String key) {
        return values.get(key);
    }

    Origin origin(String key) {
        return origins.getOrDefault(key, origin);
    }

    Params params() {
        return new Params(values, origins);
    }
}
