package dev.shale.evolution;

import dev.shale.change.CreateIndex;
import dev.shale.change.DropColumn;
import dev.shale.change.DropIndex;
import dev.shale.change.RenameColumn;
import dev.shale.change.RenameIndex;
import dev.shale.model.Index;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.Rename;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.desc;
import static dev.shale.testing.Models.expr;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;

/** Indexes of every shape: unique, partial, expression, gin, sort order, composite; dropped and changed. */
final class IndexEvolutions {
    private IndexEvolutions() {}

    private static Models.TableSpec people() {
        return table("people").col("id", "integer").pk("id").col("email", "text", NOT_NULL).col("name", "text")
                .col("profile", "jsonb").col("created_at", "timestamptz").col("deleted_at", "timestamptz");
    }

    private static final String SEED = "INSERT INTO \"public\".\"people\" (\"id\", \"email\", \"name\", \"profile\", \"created_at\")"
            + " VALUES (1, 'ann@x.org', 'Ann', '{\"tags\": [\"a\"]}', now()), (2, 'bob@x.org', NULL, NULL, NULL)";
    private static final String EMAILS = "SELECT \"email\" FROM \"public\".\"people\" ORDER BY 1";

    private static Evolution.Builder add(String name, Index index) {
        return Evolution.named(name).from(schema(people())).to(schema(people().index(index)))
                .seed(SEED).keeps(EMAILS, "ann@x.org", "bob@x.org")
                .expects(CreateIndex.class).forbids(DropIndex.class).losesNoData();
    }

    static List<Evolution> cases() {
        return List.of(
                add("add unique index", new Index("people_email_key_idx", true, IndexMethod.BTREE, List.of(key("email")), null))
                        .build(),
                add("add partial index", new Index("people_live_email_idx", false, IndexMethod.BTREE, List.of(key("email")),
                        "deleted_at IS NULL"))
                        .build(),
                add("add unique expression index", new Index("people_email_lower_idx", true, IndexMethod.BTREE,
                        List.of(expr("lower(email)")), null))
                        .build(),
                add("add gin index on jsonb", new Index("people_profile_idx", false, IndexMethod.GIN, List.of(key("profile")), null))
                        .build(),
                add("add index DESC NULLS LAST", new Index("people_created_idx", false, IndexMethod.BTREE,
                        List.of(desc("created_at", NullsOrder.LAST)), null))
                        .build(),
                add("add composite index with mixed order", new Index("people_name_created_idx", false, IndexMethod.BTREE,
                        List.of(key("name"), desc("created_at", NullsOrder.DEFAULT), key("id")), null))
                        .build(),
                Evolution.named("drop index")
                        .from(schema(people().index("people_name_idx", key("name"))))
                        .to(schema(people()))
                        .seed(SEED)
                        .keeps(EMAILS, "ann@x.org", "bob@x.org")
                        .expects(DropIndex.class)
                        .forbids(CreateIndex.class, DropColumn.class)
                        .build(),
                Evolution.named("change index: same name, new keys and predicate")
                        .from(schema(people().index("people_lookup_idx", key("email"))))
                        .to(schema(people().index(new Index("people_lookup_idx", false, IndexMethod.BTREE,
                                List.of(key("name"), key("email")), "deleted_at IS NULL"))))
                        .seed(SEED)
                        .keeps(EMAILS, "ann@x.org", "bob@x.org")
                        .expects(DropIndex.class, CreateIndex.class)
                        .build(),
                Evolution.named("rename an index: same definition, new name")
                        .from(schema(people().index("people_name_idx", key("name"), desc("created_at", NullsOrder.LAST))))
                        .to(schema(people().index("people_name_created_idx", key("name"), desc("created_at", NullsOrder.LAST))))
                        .seed(SEED)
                        .expects(RenameIndex.class)
                        .forbids(DropIndex.class, CreateIndex.class)
                        .losesNoData()
                        .build(),
                Evolution.named("change index method btree to hash")
                        .from(schema(people().index("people_email_idx", key("email"))))
                        .to(schema(people().index(new Index("people_email_idx", false, IndexMethod.HASH, List.of(key("email")), null))))
                        .seed(SEED)
                        .expects(DropIndex.class, CreateIndex.class)
                        .build(),
                Evolution.named("rename a column that an index, a unique and a check use")
                        .from(schema(people().index("people_name_idx", key("name"), desc("created_at", NullsOrder.LAST))
                                .unique("people_email_key", "email").check("people_email_check", "position('@' in email) > 1")))
                        .to(schema(table("people").col("id", "integer").pk("id").col("mail", "text", NOT_NULL).col("name", "text")
                                .col("profile", "jsonb").col("created_at", "timestamptz").col("deleted_at", "timestamptz")
                                .index("people_name_idx", key("name"), desc("created_at", NullsOrder.LAST))
                                .unique("people_email_key", "mail").check("people_email_check", "position('@' in mail) > 1")))
                        .rename(Rename.column(q("people"), "email", "mail"))
                        .seed(SEED)
                        .keeps("SELECT \"mail\" FROM \"public\".\"people\" ORDER BY 1", "ann@x.org", "bob@x.org")
                        .expects(RenameColumn.class)
                        .forbids(DropColumn.class)
                        .build());
    }
}
