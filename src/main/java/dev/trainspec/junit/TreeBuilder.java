package dev.trainspec.junit;

import dev.trainspec.run.ScenarioIds;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Loads each selected file in its own {@link Workspace} and hangs its tests under the root:
 * a container per file with a test per wanted variant and, when wanted, the comparisons test;
 * a file that does not load is one failing test under the root (see {@link EngineRoot}).
 * Files outside this run's shard, and files and tests that trainspec.scenarios and trainspec.tags
 * do not keep ({@link ScenarioFilter}), are left out.
 */
final class TreeBuilder {
    private TreeBuilder() {}

    static void build(EngineRoot root, SelectorResolver selected, EngineSettings settings) {
        // every selected file's id before any test is built: files sharing an id are all invalid, whichever comes first
        ScenarioIds ids = new ScenarioIds();
        Map<SelectorResolver.Group, List<Taken>> taken = new LinkedHashMap<>();
        for (SelectorResolver.Group g : selected.groups()) {
            List<Taken> files = new ArrayList<>();
            for (Map.Entry<Path, Wanted> e : g.files().entrySet()) {
                ScenarioIds.Loaded file = ScenarioIds.Loaded.of(e.getKey());
                if (!taken(settings, file)) continue;
                ids.claim(file);
                files.add(new Taken(file, e.getValue()));
            }
            taken.put(g, files);
        }
        for (SelectorResolver.Group g : selected.groups()) {
            TestDescriptor parent = g.suite() == null ? root : new SuiteDescriptor(root.getUniqueId(), g.suite());
            // the engine's own problems (no scenario matched) go under the first suite class it read, as Surefire counts them there
            if (parent != root && root.problemParent() == root) root.problemsUnder(parent);
            for (Taken t : taken.get(g)) {
                ScenarioIds.Loaded file = ids.check(t.file());
                if (file.scenario() == null) root.addProblem(invalid(root, ids, file), parent);
                else addFile(parent, g, settings, file, t.wanted());
            }
            if (parent != root && !parent.getChildren().isEmpty() && parent.getParent().isEmpty()) root.addChild(parent);
        }
    }

    /** A file that does not load; its error result goes under its default id unless that would replace another file's real result. */
    private static ProblemDescriptor invalid(EngineRoot root, ScenarioIds ids, ScenarioIds.Loaded i) {
        String shown = i.workspace().display(i.file());
        return new ProblemDescriptor(FileDescriptor.idOf(root.getUniqueId(), i.file()), shown + " is a valid scenario",
                FileSource.from(i.file().toFile()), Problems.INVALID + i.problem().getMessage(), new ProblemDescriptor.InvalidFile(i.errorId(),
                !ids.heldByOther(i.errorId(), i.file()), shown, i.problem().messageIn(i.workspace()), i.workspace().root()));
    }

    /** A selected file this run keeps, and which of its tests were asked for. */
    private record Taken(ScenarioIds.Loaded file, Wanted wanted) {}

    private static void addFile(TestDescriptor parent, SelectorResolver.Group group, EngineSettings settings, ScenarioIds.Loaded loaded, Wanted wanted) {
        ScenarioFilter filter = settings.filter();
        boolean longNames = settings.longNames();
        ScenarioFile file = loaded.scenario();
        FileDescriptor container = new FileDescriptor(parent.getUniqueId(), file, loaded.workspace());
        Set<Scenario> variants = variants(file, wanted);
        for (Scenario v : file.variants()) {
            if (variants.contains(v) && filter.keepsTags(v.tags())) container.addChild(new VariantDescriptor(container.getUniqueId(), v, longNames));
        }
        if ((wanted.all || wanted.comparisons) && !file.comparisons().isEmpty() && filter.keepsTags(file.base().tags())) {
            container.addChild(new ComparisonsDescriptor(container.getUniqueId(), file, longNames));
        }
        for (PostDiscoveryFilter f : group.filters()) removeExcluded(container, f);
        if (!container.getChildren().isEmpty()) parent.addChild(container);
    }

    /** In this run's shard and kept by trainspec.scenarios (a file that does not load is matched by its default id). */
    private static boolean taken(EngineSettings settings, ScenarioIds.Loaded file) {
        return settings.shard().contains(file.id()) && settings.filter().keepsFile(file.file(), file.workspace().scenariosDir(), file.id());
    }

    private static Set<Scenario> variants(ScenarioFile file, Wanted wanted) {
        Set<Scenario> out = new LinkedHashSet<>();
        if (wanted.all) out.addAll(file.variants());
        for (int line : wanted.lines) out.addAll(VariantLines.at(file, line));
        for (Scenario v : file.variants()) if (wanted.variants.contains(v.variant())) out.add(v);
        return out;
    }

    private static void removeExcluded(FileDescriptor container, PostDiscoveryFilter filter) {
        for (TestDescriptor test : Set.copyOf(container.getChildren())) {
            FilterResult r = filter.apply(test);
            if (r.excluded()) container.removeChild(test);
        }
    }
}
