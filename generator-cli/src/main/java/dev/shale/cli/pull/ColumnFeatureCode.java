package dev.shale.cli.pull;

import com.palantir.javapoet.CodeBlock;
import dev.shale.model.Column;
import dev.shale.model.Identity;
import dev.shale.model.SequenceOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The DSL calls of a pulled column's features beyond type, NOT NULL and default:
 * {@code .generatedByDefaultAsIdentity(seq -> seq.startWith(1000L).cache(20L))},
 * {@code .generatedAlwaysAs("price * quantity")}, {@code .collate("C")}, {@code .comment("...")}.
 */
final class ColumnFeatureCode {
    private ColumnFeatureCode() {}

    static CodeBlock calls(Column c) {
        CodeBlock.Builder out = CodeBlock.builder();
        if (c.identity() != null) {
            String method = c.identity().generation() == Identity.Generation.ALWAYS
                    ? "generatedAlwaysAsIdentity" : "generatedByDefaultAsIdentity";
            List<String> options = options(c.identity().options());
            if (options.isEmpty()) {
                out.add(".$L()", method);
            } else {
                out.add(".$L(seq -> seq$L)", method, String.join("", options));
            }
        }
        if (c.generated() != null) {
            out.add(".generatedAlwaysAs($S)", c.generated());
        }
        if (c.collation() != null) {
            out.add(".collate($S)", c.collation());
        }
        if (c.comment() != null) {
            out.add(".comment($S)", c.comment());
        }
        return out.build();
    }

    private static List<String> options(SequenceOptions o) {
        List<String> out = new ArrayList<>();
        if (o.start() != null) {
            out.add(".startWith(" + o.start() + "L)");
        }
        if (o.increment() != null) {
            out.add(".incrementBy(" + o.increment() + "L)");
        }
        if (o.minValue() != null) {
            out.add(".minValue(" + o.minValue() + "L)");
        }
        if (o.maxValue() != null) {
            out.add(".maxValue(" + o.maxValue() + "L)");
        }
        if (o.cache() != null) {
            out.add(".cache(" + o.cache() + "L)");
        }
        if (o.cycle()) {
            out.add(".cycle()");
        }
        return out;
    }
}
