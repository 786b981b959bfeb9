package dev.trainspec.junit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** A scenario's {@code tags:} as JUnit tags, for {@code -Dgroups} and {@code @IncludeTags}. */
final class Tags {
    private Tags() {}

    /** Tags JUnit cannot express (blank, or holding whitespace, commas, parentheses, &amp;, |, !) are left out. */
    static Set<TestTag> of(List<String> tags) {
        Set<TestTag> out = new LinkedHashSet<>();
        for (String t : tags) if (TestTag.isValid(t)) out.add(TestTag.create(t));
        return out;
    }
}
