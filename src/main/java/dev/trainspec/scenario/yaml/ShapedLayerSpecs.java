package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Named;
import dev.trainspec.scenario.Params;
import java.util.ArrayList;
import java.util.List;

/** The validated entries of section 8.4's shaped layers as records (defaults come from ModelDefinitions). */
final class ShapedLayerSpecs {
    private ShapedLayerSpecs() {}

    static LayerSpec of(Named l) {
        Params p = l.params();
        return switch (l.name()) {
            case "unflatten" -> {
                List<Integer> sizes = new ArrayList<>();
                for (Object v : (List<?>) p.values().get("sizes")) sizes.add(Math.toIntExact(((Number) v).longValue()));
                yield new LayerSpec.Unflatten(sizes, l.origin());
            }
            case "flatten" -> new LayerSpec.Flatten(l.origin());
            case "conv1d", "conv2d" -> new LayerSpec.Conv(l.name().equals("conv1d") ? 1 : 2, p.getInt("out_channels"), p.getInt("kernel_size"),
                    p.getInt("stride"), p.getInt("padding"), p.getBoolean("bias"), l.origin());
            case "max_pool2d", "avg_pool2d" -> new LayerSpec.Pool(l.name().equals("max_pool2d"), p.getInt("kernel_size"),
                    p.has("stride") ? p.getInt("stride") : p.getInt("kernel_size"), l.origin());
            case "layer_norm" -> new LayerSpec.LayerNorm(p.getDouble("eps"), p.getBoolean("elementwise_affine"), l.origin());
            default -> throw new IllegalStateException("not a shaped layer: " + l.name());
        };
    }
}
