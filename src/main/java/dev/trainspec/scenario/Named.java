package dev.trainspec.scenario;

/**
 * A choice among named alternatives with its parameters: a data generator ({@code make_moons}),
 * a loss ({@code cross_entropy}), an optimizer ({@code sgd}), a schedule ({@code step_lr}), a
 * preprocessing step ({@code standard_scaler}).
 */
public record Named(String name, Params params, Origin origin) {
    @Override
    public String toString() {
        return params.values().isEmpty() ? name : name + params;
    }
}
