package dev.trainspec.check;

import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import dev.trainspec.scenario.Expectation;
import dev.trainspec.scenario.Origin;
import dev.trainspec.scenario.ScenarioFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Judges results: diagnoses each variant, checks its expectations, adds the default health check
 * (no NaN/Inf in loss or weights unless the scenario expects {@code diagnosis includes
 * non_finite}) and one failed verdict per error-level finding the scenario does not name
 * (scenarios/README.md section 4: a recipe with a real pitfall does not pass by accident), then checks
 * the file's cross-variant comparisons.
 */
public final class Checker {
    private Checker() {}

    /** Judges without regression snapshots (a scenario's {@code regression:} is then not checked). */
    public static FileOutcome judge(ScenarioFile file, List<VariantResult> results) {
        return judge(file, results, null);
    }

    public static FileOutcome judge(ScenarioFile file, List<VariantResult> results, Snapshots snapshots) {
        Map<String, VariantResult> byName = new LinkedHashMap<>();
        for (VariantResult r : results) byName.put(r.name(), r);
        Map<String, List<Verdict>> regression = snapshots == null ? Map.of() : snapshots.check(file.id(), results);
        List<VariantOutcome> outcomes = new ArrayList<>();
        for (VariantResult r : results) {
            VariantOutcome o = judge(r, byName);
            List<Verdict> extra = regression.getOrDefault(r.name(), List.of());
            if (!extra.isEmpty()) {
                List<Verdict> all = new ArrayList<>(o.verdicts());
                all.addAll(extra);
                o = new VariantOutcome(r, all, o.diagnosis());
            }
            outcomes.add(o);
        }
        List<Verdict> comparisons = new ArrayList<>();
        if (!file.comparisons().isEmpty()) {
            VariantResult base = byName.get("base");
            ExpectationChecker checker = new ExpectationChecker(base, byName, Set.of());
            for (Expectation e : file.comparisons()) comparisons.add(checker.check(e));
        }
        return new FileOutcome(file, outcomes, comparisons);
    }

    public static VariantOutcome judge(VariantResult r, Map<String, VariantResult> variants) {
        if (r.error() != null) {
            // refused before training (exit 2, as lint refuses it) reads apart from a run that broke (reports file it as invalid)
            Verdict v = new Verdict(r.refused() ? REFUSED : "the variant runs", r.scenario().origin(), false, Double.NaN, Double.NaN, Double.NaN, r.error());
            // the static findings often say why it could not run (batch_norm on a batch of one row)
            return new VariantOutcome(r, List.of(v), Diagnosis.of(r));
        }
        List<Finding> findings = Diagnosis.of(r);
        Set<String> codes = findings.stream().map(Finding::code).collect(Collectors.toSet());
        List<Verdict> verdicts = new ArrayList<>(new ExpectationChecker(r, variants, codes).checkAll(r.scenario().expect()));
        boolean divergenceAccepted = expectsNonFinite(r);
        if (!divergenceAccepted) verdicts.add(health(r));
        Set<String> named = namedCodes(r);
        for (Finding f : findings) {
            // non_finite is the health check's, which already failed or was accepted above; accepting it accepts what only
            // the diverged runs showed (their NaN gradient norm, the collapse and one-class guesses of NaN weights)
            if (f.severity() == Finding.Severity.ERROR && !named.contains(f.code()) && !f.code().equals(NON_FINITE)
                    && !(divergenceAccepted && f.onlyDivergedRuns())) verdicts.add(pitfall(r, f));
        }
        return new VariantOutcome(r, verdicts, findings);
    }

    private static final String NON_FINITE = "non_finite";
    /** The verdict of a variant refused before training (data, shapes, loss vs widths, limits). */
    public static final String REFUSED = "the variant passes the checks before training";

    private static boolean expectsNonFinite(VariantResult r) {
        return r.scenario().expect().stream()
                .anyMatch(e -> e instanceof Expectation.Diagnosis d && d.includes() && d.code().equals(NON_FINITE));
    }

    /** Codes the scenario's expectations name: those findings are judged by the expectation, not by default. */
    private static Set<String> namedCodes(VariantResult r) {
        return r.scenario().expect().stream().filter(e -> e instanceof Expectation.Diagnosis)
                .map(e -> ((Expectation.Diagnosis) e).code()).collect(Collectors.toSet());
    }

    /** An error-level finding the scenario did not name fails the variant, saying how to accept it. */
    private static Verdict pitfall(VariantResult r, Finding f) {
        String detail = f.evidence() + "; " + f.advice() + "; if the scenario demonstrates this pitfall, accept it with the expectation"
                + " 'diagnosis includes " + f.code() + "'";
        return new Verdict("no error-level finding (found " + f.code() + ")", r.scenario().origin() == null ? Origin.UNKNOWN
                : r.scenario().origin(), false, Double.NaN, Double.NaN, Double.NaN, detail);
    }

    private static Verdict health(VariantResult r) {
        Set<Long> bad = new TreeSet<>();
        String first = null;
        for (RunResult run : r.runs()) {
            if (run.training().firstNonFinite() != null) {
                bad.add(run.seed());
                if (first == null) first = "seed " + run.seed() + ", " + run.training().firstNonFinite();
            }
        }
        boolean ok = bad.isEmpty();
        String detail = ok ? "no NaN or infinity in " + r.runs().size() + (r.runs().size() == 1 ? " run" : " runs")
                : "non-finite values in " + bad.size() + " of " + r.runs().size() + " runs; first: " + first;
        return new Verdict("loss and weights stay finite", r.scenario().origin() == null ? Origin.UNKNOWN : r.scenario().origin(),
                ok, bad.size(), 0, Double.NaN, detail);
    }
}
