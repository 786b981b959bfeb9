package dev.trainspec.junit;

import dev.trainspec.run.ScenarioIds;
import dev.trainspec.scenario.Scenario;
import dev.trainspec.scenario.ScenarioException;
import dev.trainspec.scenario.ScenarioFile;
import dev.trainspec.scenario.ScenarioLoader;
import dev.trainspec.scenario.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
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
        ScenarioIds ids = new ScenarioIds();
        List<Invalid> invalid = new ArrayList<>();
        for (SelectorResolver.Group g : selected.groups()) {
            TestDescriptor parent = g.suite() == null ? root : new SuiteDescriptor(root.getUniqueId(), g.suite());
            files(root, parent, g, settings, ids, invalid);
            if (parent != root && !parent.getChildren().isEmpty()) root.addChild(parent);
        }
        // once every loaded file has claimed its id: an invalid file's error result must not replace a loaded file's
        for (Invalid i : invalid) {
            String shown = i.workspace.display(i.path);
            root.addProblem(new ProblemDescriptor(FileDescriptor.idOf(root.getUniqueId(), i.path), shown + " is a valid scenario",
                    FileSource.from(i.path.toFile()), Problems.INVALID + i.problem.getMessage(), new ProblemDescriptor.InvalidFile(i.id,
                    !ids.heldByOther(i.id, i.path), shown, i.problem.messageIn(i.workspace), i.workspace.root())));
        }
    }

    /** A file that does not load, and the id its error result would take. */
    private record Invalid(Path path, Workspace workspace, String id, ScenarioException problem) {}

    private static void files(EngineRoot root, TestDescriptor parent, SelectorResolver.Group group, EngineSettings settings, ScenarioIds ids,
                              List<Invalid> invalid) {
        ScenarioFilter filter = settings.filter();
        boolean longNames = settings.longNames();
        for (Map.Entry<Path, Wanted> e : group.files().entrySet()) {
            Path path = e.getKey();
            Workspace workspace = Workspace.of(path);
            ScenarioFile file;
            try {
                file = ScenarioLoader.load(path, workspace);
                if (!taken(settings, path, workspace, file.id())) continue;
                ids.claim(file); // two files with one id would overwrite each other's JSON result and snapshot
            } catch (ScenarioException problem) {
                String id = workspace.defaultId(path);
                if (!taken(settings, path, workspace, id)) continue;
                invalid.add(new Invalid(path, workspace, id, problem));
                continue;
            }
            FileDescriptor container = new FileDescriptor(parent.getUniqueId(), file, workspace);
            Wanted wanted = e.getValue();
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
    }

    /** In this run's shard and kept by trainspec.scenarios (a file that does not load is matched by its default id). */
    private static boolean taken(EngineSettings settings, Path file, Workspace workspace, String id) {
        return settings.shard().contains(id) && settings.filter().keepsFile(file, workspace.scenariosDir(), id);
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
