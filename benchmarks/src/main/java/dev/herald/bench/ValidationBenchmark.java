package dev.herald.bench;

import dev.harrel.jsonschema.FormatEvaluatorFactory;
import dev.harrel.jsonschema.Validator;
import dev.harrel.jsonschema.ValidatorFactory;
import dev.harrel.jsonschema.providers.JakartaJsonNode;
import dev.herald.schema.PayloadSchema;
import dev.herald.schema.SchemaRegistry;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Validations per second on one thread (one core) through {@link SchemaRegistry#validate}, over the example payloads
 * of every shipped schema, next to harrel's validator alone on the same schemas and payloads in the same run.
 * Usage: {@code ValidationBenchmark [seconds per measurement]}.
 */
public final class ValidationBenchmark {

    private record Case(String ref, URI uri, JsonObject payload) {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        SchemaRegistry registry = SchemaRegistry.loadFromClasspath();
        // The baseline asserts formats too (harrel's own checks), so both sides do the same work.
        Validator raw = new ValidatorFactory().withJsonNodeFactory(new JakartaJsonNode.Factory())
                .withEvaluatorFactory(new FormatEvaluatorFactory()).createValidator();
        List<Case> cases = new ArrayList<>();
        for (PayloadSchema schema : registry.all()) {
            URI uri = raw.registerSchema(schema.document());
            for (JsonObject example : schema.examples()) {
                cases.add(new Case(schema.ref(), uri, example));
            }
        }
        Case[] all = cases.toArray(Case[]::new);
        IntPredicate throughRegistry = i -> registry.validate(all[i].ref(), all[i].payload()).isEmpty();
        IntPredicate validatorAlone = i -> raw.validate(all[i].uri(), all[i].payload()).isValid();

        System.out.printf("%d example payloads over %d schemas, one thread%n", all.length, registry.all().size());
        for (int round = 1; round <= 3; round++) { // round 1 warms the JIT; every round is printed
            double herald = measure(throughRegistry, all.length, seconds);
            double alone = measure(validatorAlone, all.length, seconds);
            System.out.printf("round %d  registry.validate %,12.0f /s   baseline harrel validator alone %,12.0f /s   ratio %.2f%n",
                    round, herald, alone, herald / alone);
        }
    }

    private static double measure(IntPredicate validate, int cases, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < cases; i++) {
                if (!validate.test(i)) {
                    throw new IllegalStateException("an example failed to validate: case " + i);
                }
            }
            count += cases;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
