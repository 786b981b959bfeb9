package dev.trainspec.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.SelectFile;
import org.junit.platform.suite.api.Suite;

/**
 * A {@code @Suite @IncludeEngines("trainspec")} class selected while the suite engine does not run
 * ({@code mvn test -Dsurefire.includeJUnit5Engines=trainspec}): this engine reads the suite's
 * scenario selectors and tags itself. While the suite engine runs, it alone reads the class and
 * hands this engine the selectors, so a scenario never runs twice.
 */
record SuiteClass(List<DiscoverySelector> selectors, List<PostDiscoveryFilter> filters) {
    static final String SUITE_ENGINE = "junit-platform-suite";

    /** The suite's selectors and tag filters, when this engine should read the class; else null. */
    static SuiteClass of(Class<?> type, EngineDiscoveryRequest request) {
        IncludeEngines engines = type.getAnnotation(IncludeEngines.class);
        if (!type.isAnnotationPresent(Suite.class) || engines == null || !Arrays.asList(engines.value()).contains(TrainspecEngine.ID)) return null;
        if (suiteEngineRuns(request)) return null;
        List<DiscoverySelector> selectors = new ArrayList<>();
        SelectDirectories dirs = type.getAnnotation(SelectDirectories.class);
        if (dirs != null) for (String d : dirs.value()) selectors.add(DiscoverySelectors.selectDirectory(d));
        for (SelectFile f : type.getAnnotationsByType(SelectFile.class)) {
            selectors.add(f.line() > 0 ? DiscoverySelectors.selectFile(f.value(), FilePosition.from(f.line())) : DiscoverySelectors.selectFile(f.value()));
        }
        for (SelectClasspathResource r : type.getAnnotationsByType(SelectClasspathResource.class)) {
            selectors.add(r.line() > 0 ? DiscoverySelectors.selectClasspathResource(r.value(), FilePosition.from(r.line()))
                    : DiscoverySelectors.selectClasspathResource(r.value()));
        }
        List<PostDiscoveryFilter> filters = new ArrayList<>();
        IncludeTags include = type.getAnnotation(IncludeTags.class);
        if (include != null) filters.add(TagFilter.includeTags(include.value()));
        ExcludeTags exclude = type.getAnnotation(ExcludeTags.class);
        if (exclude != null) filters.add(TagFilter.excludeTags(exclude.value()));
        return new SuiteClass(selectors, filters);
    }

    /**
     * Whether the launcher also runs the suite engine: it is on the class path and no engine
     * filter of the request leaves it out. Outside a launcher (no engine filters to read) the
     * suite engine is assumed to run when it is present.
     */
    static boolean suiteEngineRuns(EngineDiscoveryRequest request) {
        if (!suiteEnginePresent()) return false;
        if (!(request instanceof LauncherDiscoveryRequest launcher)) return true;
        for (EngineFilter f : launcher.getEngineFilters()) {
            if (f.getEngineIds().contains(SUITE_ENGINE) != f.isIncludeFilter()) return false;
        }
        return true;
    }

    private static boolean suiteEnginePresent() {
        try {
            Class.forName("org.junit.platform.suite.engine.SuiteTestEngine", false, SuiteClass.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
