package dev.shale.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a schema needs of the PostgreSQL server that holds it: the parts of a model that an older major
 * version than the newest lacks, so a project that targets PostgreSQL 13 is told before it writes a migration
 * that the server would reject. Shale's generated SQL runs on PostgreSQL {@link #OLDEST} and later; the features
 * listed here are the exceptions:
 * <ul>
 *   <li>{@code NULLS NOT DISTINCT} on a unique constraint or a unique index: PostgreSQL 15;</li>
 *   <li>multirange types ({@code int4multirange}, {@code datemultirange}, …) as a column, domain or composite
 *       attribute type, or arrays of them: PostgreSQL 14;</li>
 *   <li>the {@code security_invoker} option of a view: PostgreSQL 15.</li>
 * </ul>
 */
public final class VersionFeatures {
    /** The oldest major version Shale supports (and tests). */
    public static final int OLDEST = 13;
    /** The newest major version Shale tests. */
    public static final int NEWEST = 17;

    private static final Set<String> MULTIRANGES = Set.of("int4multirange", "int8multirange", "nummultirange",
            "tsmultirange", "tstzmultirange", "datemultirange", "anymultirange");

    private VersionFeatures() {}

    /**
     * One part of a model the target version lacks.
     *
     * @param object what holds it, as messages show it ({@code unique constraint "t_a_key" of public.t})
     * @param feature the feature ({@code NULLS NOT DISTINCT})
     * @param since the first major version that has it
     */
    public record Missing(String object, String feature, int since) {
        /** {@code unique constraint "t_a_key" of public.t uses NULLS NOT DISTINCT, which needs PostgreSQL 15}. */
        public String describe() {
            return object + " uses " + feature + ", which needs PostgreSQL " + since;
        }
    }

    /** Whether {@code major} is a version Shale supports ({@link #OLDEST} or later). */
    public static boolean supported(int major) {
        return major >= OLDEST;
    }

    /** Every part of {@code model} that PostgreSQL {@code major} lacks, in model order; empty when it has all. */
    public static List<Missing> missing(SchemaModel model, int major) {
        List<Missing> out = new ArrayList<>();
        for (Table t : model.tables()) {
            String of = " of " + t.name().display();
            for (Column c : t.columns()) {
                multirange(c.type(), "column " + Identifiers.show(c.name()) + of, major, out);
            }
            for (Unique u : t.uniques()) {
                if (u.nullsNotDistinct() && major < 15) {
                    out.add(new Missing("unique constraint " + Identifiers.show(u.name()) + of, "NULLS NOT DISTINCT", 15));
                }
            }
            for (Index ix : t.indexes()) {
                if (ix.nullsNotDistinct() && major < 15) {
                    out.add(new Missing("unique index " + Identifiers.show(ix.name()) + of, "NULLS NOT DISTINCT", 15));
                }
            }
        }
        for (Domain d : model.domains()) {
            multirange(d.type(), "domain " + d.name().display(), major, out);
        }
        for (CompositeType c : model.compositeTypes()) {
            for (CompositeType.Attribute a : c.attributes()) {
                multirange(a.type(), "attribute " + Identifiers.show(a.name()) + " of type " + c.name().display(), major, out);
            }
        }
        for (View v : model.views()) {
            if (v.securityInvoker() && major < 15) {
                out.add(new Missing((v.materialized() ? "materialized view " : "view ") + v.name().display(),
                        "the security_invoker option", 15));
            }
        }
        return List.copyOf(out);
    }

    private static void multirange(ColumnType type, String object, int major, List<Missing> out) {
        ColumnType element = type instanceof ColumnType.ArrayOf a ? a.element() : type;
        if (major < 14 && element instanceof ColumnType.Named n && isMultirange(n.spec())) {
            out.add(new Missing(object, "the multirange type " + n.sql(), 14));
        }
    }

    /** Whether a type named by PostgreSQL is one of the built-in multirange types (optionally schema-qualified). */
    static boolean isMultirange(String spec) {
        String name = spec.startsWith("named:") ? spec.substring("named:".length()) : spec;
        name = name.toLowerCase(Locale.ROOT).replace("\"", "");
        if (name.startsWith("pg_catalog.")) {
            name = name.substring("pg_catalog.".length());
        }
        return MULTIRANGES.contains(name);
    }
}
