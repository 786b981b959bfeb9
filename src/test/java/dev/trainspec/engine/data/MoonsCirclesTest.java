package dev.trainspec.engine.data;

import dev.trainspec.engine.random.RandomState;
import org.junit.jupiter.api.Test;

class MoonsCirclesTest {
    @Test
    void moonsMatchSklearnFixture() {
        Fixture f = Fixture.csv("moons_n200_noise0.2_rs42.csv");
        Exactness.assertFixture(f, MakeMoons.makeMoons(200, true, 0.2, new RandomState(42)), 0);
    }

    @Test
    void circlesMatchSklearnFixture() {
        Fixture f = Fixture.csv("circles_n150_noise0.05_factor0.5_rs7.csv");
        Exactness.assertFixture(f, MakeCircles.makeCircles(150, true, 0.05, new RandomState(7), 0.5), 0);
    }
}
