package dev.trainspec.junit;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the selectors ask of one file before it is loaded: every test, or only some variants (by
 * name from unique ids, by line from file selectors) and perhaps the comparisons test.
 */
final class Wanted {
    boolean all;
    boolean comparisons;
    final Set<String> variants = new LinkedHashSet<>();
    final Set<Integer> lines = new LinkedHashSet<>();
}
