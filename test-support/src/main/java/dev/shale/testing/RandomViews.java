package dev.shale.testing;

import dev.shale.model.Column;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.QualifiedName;
import dev.shale.model.Table;
import dev.shale.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Views over a random schema's tables, chosen from each table's name (not from the schema generator's
 * random stream), so that a mutated schema keeps the views of the tables it keeps, over their first
 * columns: a column's type change, drop or rename under a view then exercises the dependency machinery.
 * Per table: sometimes a view of its first two columns (options and a comment sometimes), sometimes a
 * second view stacked on that one, sometimes a materialized view with an index (WITH NO DATA sometimes).
 */
public final class RandomViews {
    private RandomViews() {}

    /** The views over {@code tables} (partitions left out), for the newest PostgreSQL. */
    public static List<View> over(List<Table> tables) {
        return over(tables, Integer.MAX_VALUE);
    }

    /**
     * The views over {@code tables} (partitions left out) for PostgreSQL {@code version}: before 15, no
     * {@code security_invoker} (the draws stay the same, so a seed gives the same views otherwise).
     */
    public static List<View> over(List<Table> tables, int version) {
        List<View> out = new ArrayList<>();
        for (Table t : tables) {
            if (t.partitionOf() != null || t.columns().isEmpty() || t.name().name().length() > 50) {
                continue;
            }
            Random r = new Random(t.name().key().hashCode() * 31L + 7);
            if (r.nextInt(3) != 0) {
                continue;
            }
            List<Column> first = t.columns().subList(0, Math.min(2, t.columns().size()));
            String select = "SELECT " + String.join(", ", first.stream().map(c -> ident(c.name())).toList())
                    + " FROM " + qualified(t.name());
            QualifiedName v1 = t.name().withName("v_" + t.name().name());
            View view = View.of(v1, select);
            if (r.nextInt(3) == 0) {
                view = view.withSecurityBarrier(true);
            }
            if (r.nextInt(4) == 0 && version >= 15) {
                view = view.withSecurityInvoker(true);
            }
            if (r.nextInt(4) == 0) {
                view = view.withComment("view of " + t.name().name() + "'s first columns");
            }
            out.add(view);
            if (r.nextBoolean()) {
                out.add(View.of(t.name().withName("w_" + t.name().name()),
                        "SELECT " + ident(first.get(0).name()) + " FROM " + qualified(v1)));
            }
            if (r.nextInt(3) == 0) {
                View m = View.materialized(t.name().withName("m_" + t.name().name()), select)
                        .withData(r.nextBoolean());
                if (r.nextBoolean() && RandomSchemas.isKeyable(first.get(0).type())) {
                    m = m.withIndexes(List.of(new Index("m_" + t.name().name() + "_idx", false, IndexMethod.BTREE,
                            List.of(IndexKey.column(first.get(0).name())), null, List.of(), false, Map.of(), null)));
                }
                if (r.nextInt(3) == 0) {
                    m = m.withStorage(Map.of("fillfactor", "80"));
                }
                out.add(m);
            }
        }
        return out;
    }

    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String qualified(QualifiedName name) {
        return ident(name.schema()) + "." + ident(name.name());
    }
}
