package dev.trainspec.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameters of a generator, layer option, loss, optimizer or schedule, with their
 * defaults already filled in. Values are Long, Double, Boolean, String or List of those (lists
 * of numbers hold Double, or Long when the definition asks for integers). Keys use the
 * scenario's (PyTorch / scikit-learn) names.
 */
public record Params(Map<String, Object> values, Map<String, Origin> origins) {
    public static final Params EMPTY = new Params(Map.of(), Map.of());

    public Params {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        origins = Map.copyOf(origins);
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public double getDouble(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public long getLong(String key) {
        return ((Number) require(key)).longValue();
    }

    public int getInt(String key) {
        return Math.toIntExact(getLong(key));
    }

    public boolean getBoolean(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return (String) require(key);
    }

    public List<?> getList(String key) {
        return (List<?>) require(key);
    }

    public double[] getDoubles(String key) {
        return getList(key).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    public Origin origin(String key) {
        return origins.getOrDefault(key, Origin.UNKNOWN);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) throw new IllegalStateException("parameter '" + key + "' has no value and no default");
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
