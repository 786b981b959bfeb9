package dev.trainspec.scenario.yaml;

import dev.trainspec.scenario.yaml.Type.Field;

import java.util.List;

import static dev.trainspec.scenario.yaml.Defs.*;

/** {@code model:}, {@code loss:}, {@code optimizer:} and {@code schedule:}: PyTorch's names and defaults. */
final class ModelDefinitions {
    private ModelDefinitions() {}

    private static final Type.Keyword FAN_MODE = keyword("fan_in", "fan_out");
    private static final Type.Keyword NONLINEARITY = keyword("leaky_relu", "relu", "tanh", "sigmoid", "linear");

    static final Type.Choice INIT = choice(
            "an initialisation (pytorch, uniform, normal, constant, zeros, xavier_uniform, xavier_normal, kaiming_uniform, kaiming_normal)",
            alt("pytorch", "nn.Linear's own: kaiming_uniform(a=sqrt(5)) weights, uniform(+-1/sqrt(fan_in)) bias"),
            alt("uniform", "nn.init.uniform_", positional("a list [a, b] or a mapping (a, b)", List.of("a", "b"),
                    opt("a", NUMBER, 0.0, "lower bound"), opt("b", NUMBER, 1.0, "upper bound"))),
            alt("normal", "nn.init.normal_", positional("a list [mean, std] or a mapping (mean, std)", List.of("mean", "std"),
                    opt("mean", NUMBER, 0.0, "mean"), opt("std", NON_NEGATIVE, 1.0, "standard deviation"))),
            alt("constant", "nn.init.constant_", shorthand("a number or a mapping (val)", "val",
                    req("val", NUMBER, "the value"))),
            alt("zeros", "nn.init.zeros_"),
            alt("xavier_uniform", "nn.init.xavier_uniform_", opt("gain", POSITIVE, 1.0, "scaling factor")),
            alt("xavier_normal", "nn.init.xavier_normal_", opt("gain", POSITIVE, 1.0, "scaling factor")),
            alt("kaiming_uniform", "nn.init.kaiming_uniform_", kaiming()),
            alt("kaiming_normal", "nn.init.kaiming_normal_", kaiming()));

    private static Type.Struct kaiming() {
        return struct("parameters of kaiming init (a, mode, nonlinearity)",
                opt("a", NON_NEGATIVE, 0.0, "negative slope of the following leaky_relu"),
                opt("mode", FAN_MODE, "fan_in", "preserve the variance forwards (fan_in) or backwards (fan_out)"),
                opt("nonlinearity", NONLINEARITY, "leaky_relu", "the activation that follows"));
    }

    static final Type.Choice LAYER = choice(
            "a layer (linear, relu, leaky_relu, prelu, sigmoid, tanh, softmax, log_softmax, dropout, batch_norm, "
                    + "unflatten, flatten, conv1d, conv2d, max_pool2d, avg_pool2d, gelu, layer_norm)",
            alt("linear", "nn.Linear; the input size is inferred", shorthand("a positive integer or 'classes' or a mapping (out, bias, init)", "out",
                    req("out", anyOf(POSITIVE_INT, keyword("classes")), "output size; classes: the number of classes of the data"),
                    opt("bias", BOOL, true, "learn an additive bias"),
                    opt("init", INIT, "pytorch", "initialisation of the weights"))),
            alt("relu", "nn.ReLU"),
            alt("leaky_relu", "nn.LeakyReLU", shorthand("a number or a mapping (negative_slope)", "negative_slope",
                    opt("negative_slope", NUMBER, 0.01, "slope for x < 0"))),
            alt("prelu", "nn.PReLU", opt("num_parameters", POSITIVE_INT, 1L, "1, or one slope per channel (dim 1): the features of a flat row, C of a [C, ...] row"),
                    opt("init", NUMBER, 0.25, "initial slope for x < 0")),
            alt("sigmoid", "nn.Sigmoid"),
            alt("tanh", "nn.Tanh"),
            alt("softmax", "nn.Softmax(dim=1): over the features, or over the channels at each position of a [C, ...] row"),
            alt("log_softmax", "nn.LogSoftmax(dim=1): over the features, or over the channels at each position of a [C, ...] row; what nll expects"),
            alt("dropout", "nn.Dropout", shorthand("a probability or a mapping (p)", "p",
                    opt("p", PROBABILITY, 0.5, "probability of zeroing an element in training"))),
            alt("batch_norm", "nn.BatchNorm1d over flat [F] or [C, L] rows, per feature or channel; running statistics in eval mode",
                    opt("momentum", PROBABILITY, 0.1, "weight of the newest batch in the running statistics"),
                    opt("eps", POSITIVE, 1e-5, "added to the variance")),
            // section 8.4: layers over shaped rows
            alt("unflatten", "nn.Unflatten(1, sizes): each row's first dimension becomes sizes, e.g. [1, 8, 8] for an image",
                    shorthand("a list of sizes such as [1, 8, 8] or a mapping (sizes)", "sizes",
                            req("sizes", list(POSITIVE_INT, 1, 3, "a list of 1 to 3 positive integers"), "the new shape of each row"))),
            alt("flatten", "nn.Flatten(): each row becomes one vector"),
            alt("conv1d", "nn.Conv1d on [C, L] rows; in_channels is inferred", convParams()),
            alt("conv2d", "nn.Conv2d on [C, H, W] rows; in_channels is inferred", convParams()),
            alt("max_pool2d", "nn.MaxPool2d on [C, H, W] rows", poolParams()),
            alt("avg_pool2d", "nn.AvgPool2d on [C, H, W] rows", poolParams()),
            alt("gelu", "nn.GELU (exact, with erf)"),
            alt("layer_norm", "nn.LayerNorm over the last dimension of each row",
                    opt("eps", POSITIVE, 1e-5, "added to the variance"),
                    opt("elementwise_affine", BOOL, true, "learn a per-element weight (ones) and bias (zeros)")));

    private static Type.Struct convParams() {
        return struct("a mapping (out_channels, kernel_size, stride, padding, bias)",
                req("out_channels", POSITIVE_INT, "output channels"),
                req("kernel_size", POSITIVE_INT, "side of the square kernel"),
                opt("stride", POSITIVE_INT, 1L, "step between windows"),
                opt("padding", NON_NEGATIVE_INT, 0L, "zeros added on each side"),
                opt("bias", BOOL, true, "learn an additive bias per output channel"));
    }

    private static Type.Struct poolParams() {
        return shorthand("a kernel size or a mapping (kernel_size, stride)", "kernel_size",
                req("kernel_size", POSITIVE_INT, "side of the square window"),
                opt("stride", POSITIVE_INT, null, "step between windows; default: kernel_size"));
    }

    static final Type MODEL = list(LAYER, 1, Integer.MAX_VALUE, "a list of layers");

    static final Type.Choice LOSS = choice("a loss (cross_entropy, nll, bce_with_logits, bce, mse, hinge)",
            alt("cross_entropy", "nn.CrossEntropyLoss on logits (fused log-softmax)",
                    opt("input", keyword("logits", "probabilities"), "logits", "probabilities: naive -log p, as after a softmax layer")),
            alt("nll", "nn.NLLLoss on log-probabilities"),
            alt("bce_with_logits", "nn.BCEWithLogitsLoss"),
            alt("bce", "nn.BCELoss on probabilities"),
            alt("mse", "nn.MSELoss; classification targets become one-hot"),
            alt("hinge", "nn.MultiMarginLoss: one output per class, end the model with 'linear: classes'"));

    private static Field lr(Object dflt) {
        return dflt == null ? req("lr", NON_NEGATIVE, "learning rate") : opt("lr", NON_NEGATIVE, dflt, "learning rate");
    }

    private static Field weightDecay(double dflt) {
        return opt("weight_decay", NON_NEGATIVE, dflt, "L2 penalty");
    }

    private static Field eps(double dflt) {
        return opt("eps", NON_NEGATIVE, dflt, "added to the denominator");
    }

    private static final Type BETAS = list(range(0, false, 1, true), 2, 2, "a list of 2 numbers in [0, 1)");

    static final Type.Choice OPTIMIZER = choice("an optimizer (sgd, adam, adamw, rmsprop, adagrad)",
            alt("sgd", "torch.optim.SGD", lr(null), opt("momentum", NON_NEGATIVE, 0.0, "momentum factor"),
                    opt("dampening", NON_NEGATIVE, 0.0, "dampening of momentum"), opt("nesterov", BOOL, false, "Nesterov momentum"),
                    weightDecay(0.0)),
            alt("adam", "torch.optim.Adam", lr(0.001), opt("betas", BETAS, List.of(0.9, 0.999), "running average coefficients"),
                    eps(1e-8), weightDecay(0.0), opt("amsgrad", BOOL, false, "AMSGrad variant")),
            alt("adamw", "torch.optim.AdamW (decoupled weight decay)", lr(0.001),
                    opt("betas", BETAS, List.of(0.9, 0.999), "running average coefficients"), eps(1e-8), weightDecay(0.01),
                    opt("amsgrad", BOOL, false, "AMSGrad variant")),
            alt("rmsprop", "torch.optim.RMSprop", lr(0.01), opt("alpha", NON_NEGATIVE, 0.99, "smoothing constant"), eps(1e-8),
                    weightDecay(0.0), opt("momentum", NON_NEGATIVE, 0.0, "momentum factor"),
                    opt("centered", BOOL, false, "normalise by the estimated variance")),
            alt("adagrad", "torch.optim.Adagrad", lr(0.01), opt("lr_decay", NON_NEGATIVE, 0.0, "learning rate decay"),
                    weightDecay(0.0), opt("initial_accumulator_value", NON_NEGATIVE, 0.0, "starting sum of squares"), eps(1e-10)));

    private static Field gamma(Object dflt) {
        return dflt == null ? req("gamma", POSITIVE, "multiplicative factor of decay")
                : opt("gamma", POSITIVE, dflt, "multiplicative factor of decay");
    }

    static final Type.Choice SCHEDULE = choice(
            "a schedule (step_lr, multi_step_lr, exponential_lr, cosine_annealing_lr, reduce_lr_on_plateau)",
            alt("step_lr", "torch.optim.lr_scheduler.StepLR, stepped each epoch",
                    req("step_size", POSITIVE_INT, "epochs between decays"), gamma(0.1)),
            alt("multi_step_lr", "torch.optim.lr_scheduler.MultiStepLR",
                    req("milestones", list(POSITIVE_INT, 1, Integer.MAX_VALUE, "a list of increasing epoch numbers"), "epochs at which to decay"),
                    gamma(0.1)),
            alt("exponential_lr", "torch.optim.lr_scheduler.ExponentialLR", gamma(null)),
            alt("cosine_annealing_lr", "torch.optim.lr_scheduler.CosineAnnealingLR",
                    req("t_max", POSITIVE_INT, "epochs of a half cosine (PyTorch's T_max)"),
                    opt("eta_min", NON_NEGATIVE, 0.0, "minimum learning rate")),
            alt("reduce_lr_on_plateau", "torch.optim.lr_scheduler.ReduceLROnPlateau, stepped with the monitored metric each epoch",
                    opt("monitor", METRIC, "test.loss", "the metric watched (Keras's val_loss: the held-out split)"),
                    opt("mode", keyword("min", "max"), "min", "min: lower is better"),
                    opt("factor", range(0, true, 1, true), 0.1, "new_lr = lr * factor"),
                    opt("patience", NON_NEGATIVE_INT, 10L, "epochs without improvement before reducing"),
                    opt("threshold", NON_NEGATIVE, 1e-4, "minimum significant change"),
                    opt("threshold_mode", keyword("rel", "abs"), "rel", "threshold relative or absolute"),
                    opt("cooldown", NON_NEGATIVE_INT, 0L, "epochs to wait after a reduction"),
                    opt("min_lr", NON_NEGATIVE, 0.0, "lower bound of the learning rate"),
                    eps(1e-8)));
}
