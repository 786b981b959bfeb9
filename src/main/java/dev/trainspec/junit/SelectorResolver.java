package dev.trainspec.junit;

import dev.trainspec.run.Discovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Turns a discovery request's selectors into scenario files and what is wanted of each, in the
 * order they were selected, and remembers which selectors were about scenarios (for "no scenario
 * matched ..."). Selectors that are not about scenarios (Surefire's class selectors of ordinary
 * test classes, a classpath root without a {@code scenarios} folder) are ignored.
 */
final class SelectorResolver {
    /**
     * The files selected directly, or through one suite class this engine read itself (then its
     * tests hang below a container for the class, as under the suite engine, so that Surefire
     * finds the class it reports them under).
     */
    record Group(Class<?> suite, Map<Path, Wanted> files, List<PostDiscoveryFilter> filters) {}

    private final List<Group> groups = new ArrayList<>();
    private final List<String> scenarioSelectors = new ArrayList<>();
    private Map<Path, Wanted> files;

    /** This engine's root: a unique id of another root (the suite engine's, run beside this one) is that engine's to resolve. */
    private final UniqueId root;

    private SelectorResolver(UniqueId root) {
        this.root = root;
    }

    static SelectorResolver resolve(EngineDiscoveryRequest request, UniqueId root) {
        SelectorResolver r = new SelectorResolver(root);
        r.group(null, List.of());
        r.selectAll(new ArrayList<>(request.getSelectorsByType(DiscoverySelector.class)));
        for (ClassSelector c : request.getSelectorsByType(ClassSelector.class)) {
            SuiteClass suite = suiteOf(c, request);
            if (suite == null) continue;
            r.group(c.getJavaClass(), suite.filters());
            r.selectAll(suite.selectors());
            if (suite.selectors().isEmpty()) r.scenarioSelectors.add("suite " + c.getClassName() + " (it selects no directory, file or resource)");
        }
        return r;
    }

    private void group(Class<?> suite, List<PostDiscoveryFilter> filters) {
        files = new LinkedHashMap<>();
        groups.add(new Group(suite, files, List.copyOf(filters)));
    }

    private static SuiteClass suiteOf(ClassSelector c, EngineDiscoveryRequest request) {
        try {
            return SuiteClass.of(c.getJavaClass(), request);
        } catch (RuntimeException | LinkageError e) {
            return null; // a class that does not load is another engine's to report
        }
    }

    private void selectAll(List<DiscoverySelector> selectors) {
        for (DiscoverySelector s : selectors) {
            if (s instanceof DirectorySelector d) directory(d.getPath(), "directory " + d.getRawPath());
            else if (s instanceof FileSelector f) file(f.getPath(), f.getPosition(), "file " + f.getRawPath());
            else if (s instanceof ClasspathResourceSelector c) resource(c.getClasspathResourceName(), c.getPosition());
            else if (s instanceof ClasspathRootSelector c) classpathRoot(Path.of(c.getClasspathRoot()));
            else if (s instanceof UniqueIdSelector u) uniqueId(u.getUniqueId());
        }
    }

    private void directory(Path dir, String described) {
        scenarioSelectors.add(described);
        if (Files.isDirectory(dir)) for (Path f : Discovery.find(List.of(dir), dir, null)) want(f).all = true;
    }

    private void file(Path file, Optional<FilePosition> position, String described) {
        if (!Discovery.isScenario(file)) return;
        scenarioSelectors.add(described + position.map(p -> ":" + p.getLine()).orElse(""));
        Wanted w = want(file);
        if (position.isPresent()) w.lines.add(position.get().getLine());
        else w.all = true;
    }

    /** A resource on the class path: a scenario file, or a folder of them (only resources on disk; not inside jars). */
    private void resource(String name, Optional<FilePosition> position) {
        String stripped = name.startsWith("/") ? name.substring(1) : name;
        List<URL> urls;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            urls = Collections.list((loader == null ? SelectorResolver.class.getClassLoader() : loader).getResources(stripped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean scenarioName = Discovery.isScenario(Path.of(stripped.isEmpty() ? "." : stripped));
        if (urls.isEmpty() && scenarioName) scenarioSelectors.add("classpath resource " + name);
        for (URL url : urls) {
            Path path = onDisk(url);
            if (path == null) {
                // inside a jar: no file for the loader, the snapshots or the IDE to open; say so rather than skip it
                if (scenarioName) scenarioSelectors.add("classpath resource " + name + " (found only inside a jar: " + url
                        + "; keep scenario files on disk, e.g. src/test/resources)");
                continue;
            }
            if (Files.isDirectory(path)) directory(path, "classpath resource " + name);
            else file(path, position, "classpath resource " + name);
        }
    }

    /** A class path root holds scenarios in its {@code scenarios} folder (src/test/resources/scenarios); the rest of it is not searched. */
    private void classpathRoot(Path root) {
        Path dir = root.resolve(dev.trainspec.scenario.Workspace.SCENARIOS_FOLDER);
        if (Files.isDirectory(dir)) directory(dir, "classpath root " + root);
    }

    /** What an IDE sends to re-run a file, a variant or the comparisons: [engine:trainspec]/[file:PATH]/[variant:NAME]. */
    private void uniqueId(UniqueId id) {
        // the IDE's re-run of a test under a suite names the suite engine first: that engine runs it (in a copy of this
        // one, whose root carries the suite's prefix); resolved here too, the test ran twice
        if (!id.hasPrefix(root)) return;
        List<UniqueId.Segment> segments = id.getSegments();
        int engine = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).getType().equals("engine") && segments.get(i).getValue().equals(TrainspecEngine.ID)) engine = i;
        }
        int file = engine;
        while (file >= 0 && file < segments.size() && !segments.get(file).getType().equals(FileDescriptor.SEGMENT)) file++;
        if (engine < 0 || file >= segments.size()) return; // the engine or a suite container alone: nothing of ours to re-run
        scenarioSelectors.add("unique id " + id);
        Wanted w = want(Path.of(segments.get(file).getValue()));
        if (file + 1 >= segments.size()) {
            w.all = true;
            return;
        }
        UniqueId.Segment child = segments.get(file + 1);
        if (child.getType().equals(VariantDescriptor.SEGMENT)) w.variants.add(child.getValue());
        else if (child.getType().equals(ComparisonsDescriptor.SEGMENT)) w.comparisons = true;
    }

    private Wanted want(Path file) {
        return files.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Wanted());
    }

    private static Path onDisk(URL url) {
        if (!"file".equals(url.getProtocol())) return null;
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The direct selections first, then one group per suite class read here. */
    List<Group> groups() {
        return groups;
    }

    /** The scenario selectors as the user would recognise them, for "no scenario matched ...". */
    List<String> scenarioSelectors() {
        return scenarioSelectors;
    }
}
