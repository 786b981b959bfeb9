package dev.trainspec.engine.nn;

/**
 * A layer's input shape does not fit it: what it expected, what it found and what would fix
 * it, kept apart so the caller can point at the layer's line with each part.
 */
public final class ShapeMismatch extends IllegalArgumentException {
    private final String expected;
    private final String found;
    private final String hint;

    public ShapeMismatch(String expected, String found, String hint) {
        super("expected " + expected + ", found " + found + (hint.isEmpty() ? "" : " (" + hint + ")"));
        this.expected = expected;
        this.found = found;
        this.hint = hint;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    public String hint() {
        return hint;
    }

    /** The error of a layer that needs [C, H, W] rows, with the unflatten that would give them. */
    static ShapeMismatch needsImage(String layer, int[] shape) {
        String hint;
        int side = (int) Math.round(Math.sqrt(shape[0]));
        if (shape.length == 1 && side * side == shape[0]) hint = "put `unflatten: [1, " + side + ", " + side + "]` first";
        else if (shape.length == 2) hint = "put `unflatten: [" + shape[0] + ", 1, " + shape[1] + "]` first, or use conv1d";
        else hint = "put `unflatten: [C, H, W]` first, with C * H * W = " + ShapedLayer.size(shape);
        return new ShapeMismatch(layer + " input of shape [C, H, W]", "rows of shape " + ShapedLayer.format(shape), hint);
    }
}
