package dev.trainspec.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which engine a command line asks for, before picocli parses it: the cold start reads data ahead only for the Java engine. */
class EngineOptionsTest {
    @Test
    void theJavaEngineIsTheDefaultAndCanBeNamed() {
        assertTrue(EngineOptions.javaEngine(new String[] {"run", "scenarios"}));
        assertTrue(EngineOptions.javaEngine(new String[] {"run", "--engine", "java", "scenarios"}));
        assertTrue(EngineOptions.javaEngine(new String[] {"run", "--engine=java", "scenarios"}));
    }

    @Test
    void anotherEngineOrAMissingValueIsNotTheJavaOne() {
        assertFalse(EngineOptions.javaEngine(new String[] {"run", "--engine", "pytorch", "scenarios"}));
        assertFalse(EngineOptions.javaEngine(new String[] {"run", "--engine=pytorch", "scenarios"}));
        assertFalse(EngineOptions.javaEngine(new String[] {"run", "scenarios", "--engine"}));
    }
}
