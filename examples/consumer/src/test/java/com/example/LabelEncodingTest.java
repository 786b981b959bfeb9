package com.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * One of the team's own JUnit Jupiter tests, next to the scenarios: with only trainspec as a
 * dependency (README), the Jupiter API comes with it in the JUnit version of its engine, so
 * Surefire runs both engines side by side.
 */
class LabelEncodingTest {
    @Test
    void labelsBecomeTheirIndexInSortedOrder() {
        String[] labels = {"cat", "dog", "cat", "bird"};
        String[] classes = Arrays.stream(labels).distinct().sorted().toArray(String[]::new);
        int[] encoded = Arrays.stream(labels).mapToInt(l -> Arrays.binarySearch(classes, l)).toArray();
        assertArrayEquals(new int[] {1, 2, 1, 0}, encoded);
    }
}
