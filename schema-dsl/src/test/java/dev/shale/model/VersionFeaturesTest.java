package dev.shale.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each PostgreSQL version lacks, found wherever a model holds it; the servers' side is VersionRangeTest. */
class VersionFeaturesTest {
    private static final QualifiedName T = QualifiedName.of("t");

    private static SchemaModel everything() {
        Table t = Table.of(T, List.of(new Column("a", ColumnType.parse("integer"), false, null),
                        new Column("r", ColumnType.named("datemultirange"), false, null),
                        new Column("rs", new ColumnType.ArrayOf(ColumnType.named("int8multirange")), false, null),
                        new Column("plain", ColumnType.named("int4range"), false, null)))
                .withUniques(List.of(new Unique("t_a_key", List.of("a"), true, null, null)))
                .withIndexes(List.of(Index.of("t_a_idx", List.of(IndexKey.column("a"))).withUnique(true).withNullsNotDistinct(true)));
        return new SchemaModel(List.of(), List.of(t), List.of())
                .withDomains(List.of(Domain.of(QualifiedName.of("spans"), ColumnType.named("nummultirange"))))
                .withCompositeTypes(List.of(CompositeType.of(QualifiedName.of("pair"), List.of(
                        new CompositeType.Attribute("span", ColumnType.named("tstzmultirange"), null)))));
    }

    @Test
    void postgres13LacksMultirangesAndNullsNotDistinct() {
        assertEquals(List.of(
                "column \"r\" of \"public\".\"t\" uses the multirange type datemultirange, which needs PostgreSQL 14",
                "column \"rs\" of \"public\".\"t\" uses the multirange type int8multirange, which needs PostgreSQL 14",
                "unique constraint \"t_a_key\" of \"public\".\"t\" uses NULLS NOT DISTINCT, which needs PostgreSQL 15",
                "unique index \"t_a_idx\" of \"public\".\"t\" uses NULLS NOT DISTINCT, which needs PostgreSQL 15",
                "domain \"public\".\"spans\" uses the multirange type nummultirange, which needs PostgreSQL 14",
                "attribute \"span\" of type \"public\".\"pair\" uses the multirange type tstzmultirange, which needs PostgreSQL 14"),
                VersionFeatures.missing(everything(), 13).stream().map(VersionFeatures.Missing::describe).toList());
    }

    @Test
    void postgres14LacksOnlyNullsNotDistinctAnd15OnHaveEverything() {
        assertEquals(List.of("NULLS NOT DISTINCT", "NULLS NOT DISTINCT"),
                VersionFeatures.missing(everything(), 14).stream().map(VersionFeatures.Missing::feature).toList());
        for (int v = 15; v <= VersionFeatures.NEWEST; v++) {
            assertEquals(List.of(), VersionFeatures.missing(everything(), v), "PostgreSQL " + v);
        }
    }

    @Test
    void aSecurityInvokerViewNeedsPostgres15() {
        SchemaModel model = SchemaModel.builder().views(List.of(
                View.of(QualifiedName.of("mine"), "select 1 as one").withSecurityInvoker(true),
                View.of(QualifiedName.of("theirs"), "select 1 as one"))).build();
        assertEquals(List.of("view \"public\".\"mine\" uses the security_invoker option, which needs PostgreSQL 15"),
                VersionFeatures.missing(model, 14).stream().map(VersionFeatures.Missing::describe).toList());
        assertEquals(List.of(), VersionFeatures.missing(model, 15));
    }
}
