package dev.trainspec.run;

import dev.trainspec.engine.nn.ShapeMismatch;
import dev.trainspec.engine.nn.ShapedLayer;
import dev.trainspec.scenario.LayerSpec;
import dev.trainspec.scenario.Problem;
import java.util.List;

/**
 * Per-row shapes through a model (section 8.4): a shaped layer (conv, pooling, unflatten,
 * batch_norm, ...) is asked what it makes of its input, so the rules live with the engine layer
 * (batch_norm takes [F] or [C, L] rows, as BatchNorm1d); element-wise layers keep the shape
 * (softmax, log_softmax and prelu act on dim 1, the channels at each position); linear reads flat
 * feature vectors and refuses [C, L] and [C, H, W] rows with the fix, at the layer's line.
 */
public final class ModelShapes {
    private ModelShapes() {}

    static boolean isShaped(LayerSpec spec) {
        return spec instanceof LayerSpec.Unflatten || spec instanceof LayerSpec.Flatten || spec instanceof LayerSpec.Conv
                || spec instanceof LayerSpec.Pool || spec instanceof LayerSpec.LayerNorm || spec instanceof LayerSpec.BatchNorm;
    }

    /** The shape after a shaped layer, or null after adding the problem when the input does not fit. */
    static int[] through(LayerSpec spec, int index, int[] in, List<Problem> problems) {
        ShapedLayer layer = (ShapedLayer) ModelFactory.layer(spec, 0);
        try {
            return layer.outputShape(in);
        } catch (ShapeMismatch e) {
            problems.add(new Problem(spec.origin(), "model[" + index + "]." + name(spec), e.expected(), e.found(), e.hint()));
            return null;
        }
    }

    /** Adds a problem when linear, which reads flat rows, gets [C, H, W] or [C, L] rows; returns whether it did. */
    static boolean refusesShaped(LayerSpec spec, int index, int[] in, List<Problem> problems) {
        if (in.length == 1 || !(spec instanceof LayerSpec.Linear)) return false;
        String name = name(spec);
        problems.add(new Problem(spec.origin(), "model[" + index + "]." + name, name + " input of flat rows [F]",
                "rows of shape " + ShapedLayer.format(in), "put `flatten` first"));
        return true;
    }

    /**
     * The rows' shape entering each layer, followed from [features] by the rules {@link Checks#shapes}
     * applies, for readers that have the data's width but no run (the diagnosis rules):
     * {@code linear: classes} counts as one output, as rows after a linear are flat whatever its
     * width. From the first layer whose input does not fit on, null: such a model never trains.
     */
    public static int[][] inputShapes(List<LayerSpec> model, int features) {
        int[][] shapes = new int[model.size()][];
        int[] in = {features};
        for (int i = 0; i < model.size() && in != null; i++) {
            LayerSpec spec = model.get(i);
            shapes[i] = in;
            if (isShaped(spec)) {
                List<Problem> refused = new java.util.ArrayList<>();
                in = through(spec, i, in, refused);
            } else if (spec instanceof LayerSpec.Linear l) {
                in = in.length == 1 ? new int[] {Math.max(1, l.out())} : null;
            }
        }
        return shapes;
    }

    static int[] widths(int[][] shapes) {
        int[] widths = new int[shapes.length];
        for (int i = 0; i < shapes.length; i++) widths[i] = shapes[i] == null ? 0 : ShapedLayer.size(shapes[i]);
        return widths;
    }

    /** The layer's key in the model list, as the user wrote it (also the export's word for it). */
    public static String name(LayerSpec spec) {
        if (spec instanceof LayerSpec.Linear) return "linear";
        if (spec instanceof LayerSpec.BatchNorm) return "batch_norm";
        if (spec instanceof LayerSpec.Dropout) return "dropout";
        if (spec instanceof LayerSpec.Activation a) return a.name();
        if (spec instanceof LayerSpec.Unflatten) return "unflatten";
        if (spec instanceof LayerSpec.Flatten) return "flatten";
        if (spec instanceof LayerSpec.Conv c) return "conv" + c.dims() + "d";
        if (spec instanceof LayerSpec.Pool p) return p.max() ? "max_pool2d" : "avg_pool2d";
        if (spec instanceof LayerSpec.LayerNorm) return "layer_norm";
        throw new IllegalStateException("unknown layer spec " + spec);
    }
}
