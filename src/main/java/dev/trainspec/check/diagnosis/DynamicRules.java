package dev.trainspec.check.diagnosis;

import dev.trainspec.check.Finding;
import dev.trainspec.check.Finding.Severity;
import dev.trainspec.run.RunResult;
import dev.trainspec.run.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Findings read from the runs' histories. Each rule looks at one run at a time; a finding
 * gathers the runs it fired on ("2 of 5 runs"), quotes the first one's evidence and takes the
 * most serious severity seen.
 */
public final class DynamicRules {
    record Rule(String code, String advice, BiFunction<Subject, RunResult, Hit> check) {}

    static final List<Rule> RULES = List.of(
            new Rule("non_finite", "lower the learning rate, clip gradients (train.clip_grad_norm), and use cross_entropy /"
                    + " bce_with_logits on logits rather than a softmax/sigmoid layer", GradientRules::nonFinite),
            new Rule("exploding_gradients", "lower the learning rate, clip gradients (train.clip_grad_norm), or use a smaller"
                    + " initialisation", GradientRules::exploding),
            new Rule("learning_rate_too_high", "lower the learning rate (try 10x smaller) or add a schedule that decays it",
                    CurveRules::learningRateTooHigh),
            new Rule("accuracy_collapse", "lower the learning rate or clip gradients: the network was learning before it diverged",
                    OutcomeRules::accuracyCollapse),
            new Rule("majority_class_only", "check input scaling and the learning rate: the model ignores its inputs and guesses"
                    + " one class", OutcomeRules::majorityClassOnly),
            new Rule("plateau", "normalise the inputs, raise the learning rate or change the optimizer: the loss stopped"
                    + " improving far from a good fit", CurveRules::plateau),
            new Rule("learning_rate_too_low", "raise the learning rate (try 10x) or train longer: the loss was still falling"
                    + " at the same pace", CurveRules::learningRateTooLow),
            new Rule("vanishing_gradients", "use relu/leaky_relu instead of sigmoid/tanh, fewer layers, or batch_norm between"
                    + " layers", GradientRules::vanishing),
            new Rule("saturated_activations", "standardise the inputs and keep the default initialisation, or use relu:"
                    + " saturated units pass almost no gradient", UnitRules::saturated),
            new Rule("dead_relu", "use leaky_relu, a lower learning rate, or a smaller initialisation", UnitRules::deadRelu),
            new Rule("dropout_train_eval_gap", "compare eval-mode metrics (train.accuracy, test.accuracy): dropout lowers the"
                    + " accuracy measured in train mode, not the model's", UnitRules::dropoutGap),
            new Rule("below_linear_baseline", "a linear model does better on this split: check preprocessing, the learning rate"
                    + " and the number of epochs before adding capacity", OutcomeRules::belowLinearBaseline));

    private DynamicRules() {}

    public static List<Finding> of(VariantResult r) {
        List<Finding> out = new ArrayList<>();
        if (r.runs().isEmpty()) return out;
        Subject s = Subject.of(r);
        for (Rule rule : RULES) {
            int fired = 0;
            boolean onlyDiverged = true;
            Hit first = null;
            long firstSeed = 0;
            Severity worst = Severity.INFO;
            for (RunResult run : r.runs()) {
                Hit hit = rule.check().apply(s, run);
                if (hit == null) continue;
                fired++;
                onlyDiverged &= run.training().firstNonFinite() != null;
                if (first == null) {
                    first = hit;
                    firstSeed = run.seed();
                }
                if (hit.severity().compareTo(worst) < 0) worst = hit.severity();
            }
            if (first == null) continue;
            int runs = r.runs().size();
            String evidence = runs == 1 ? first.evidence() : fired + " of " + runs + " runs; seed " + firstSeed + ": " + first.evidence();
            out.add(new Finding(rule.code(), worst, evidence, rule.advice(), onlyDiverged));
        }
        return out;
    }
}
