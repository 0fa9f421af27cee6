package dev.shale.dsl;

import dev.shale.model.Check;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.PartitionOf;
import dev.shale.model.Partitioning;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partitioned tables and partitions: strategies, bounds spelled as PostgreSQL prints them, local indexes, mistakes. */
class PartitionsTest {

    static final class Events extends Table {
        final Column<Long> id = bigint("id").notNull();
        final Column<LocalDate> at = date("at").notNull();
        final Column<String> kind = text("kind");

        Events() {
            super("app", "events");
            primaryKey(id, at);
            partitionByRange(at);
        }
    }

    static final Events EVENTS = new Events();

    static final class Events2024 extends Table {
        Events2024() {
            super("app", "events_2024");
            partitionOf(EVENTS).forValuesFrom("'2024-01-01'").to("'2025-01-01'");
            index("events_2024_kind_idx").on(EVENTS.kind);
            check("events_2024_id_check", "id > 0");
        }
    }

    static final class EventsOther extends Table {
        EventsOther() {
            super("app", "events_other");
            partitionOf(EVENTS).defaultPartition();
        }
    }

    static final class Scores extends Table {
        final Column<Integer> points = integer("points");
        final Column<String> name = text("name");

        Scores() {
            super("scores");
            partitionByExpressions(Partitioning.Strategy.LIST, "lower(name)");
        }
    }

    static final Scores SCORES = new Scores();

    static final class ScoresAb extends Table {
        final Column<Integer> extra = integer("extra");

        ScoresAb() {
            super("scores_ab");
            partitionOf(SCORES).forValuesIn("'a'", "'b'", "null");
        }
    }

    static final class Low extends Table {
        Low() {
            super("scores_low");
            partitionOf(SCORES).forValuesIn("'c'");
            partitionByHash(SCORES.points);
        }
    }

    static final class LowZero extends Table {
        static final Low LOW = new Low();

        LowZero() {
            super("scores_low_0");
            partitionOf(LOW).forValuesWithModulus(4, 0);
        }
    }

    @Test
    void partitionedTablesAndPartitionsAsTheModelHasThem() {
        SchemaModel m = Dsl.model(EVENTS, new Events2024(), new EventsOther());
        dev.shale.model.Table events = m.table(QualifiedName.of("app", "events"));
        assertEquals(new Partitioning(Partitioning.Strategy.RANGE, List.of(IndexKey.column("at"))), events.partitioning());
        dev.shale.model.Table y2024 = m.table(QualifiedName.of("app", "events_2024"));
        assertEquals(new PartitionOf(events.name(), "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"), y2024.partitionOf());
        assertEquals(List.of(), y2024.columns());
        assertEquals(List.of(new Index("events_2024_kind_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("kind")), null)),
                y2024.indexes());
        assertEquals(List.of(new Check("events_2024_id_check", "id > 0")), y2024.checks());
        assertEquals("DEFAULT", m.table(QualifiedName.of("app", "events_other")).partitionOf().bound());
    }

    @Test
    void listHashAndSubPartitionBounds() {
        LowZero zero = new LowZero();
        SchemaModel m = Dsl.model(SCORES, new Low(), zero);
        assertEquals(IndexKey.expression("lower(name)"), m.table(QualifiedName.of("scores")).partitioning().keys().get(0));
        assertEquals("FOR VALUES IN ('c')", m.table(QualifiedName.of("scores_low")).partitionOf().bound());
        assertEquals(Partitioning.Strategy.HASH, m.table(QualifiedName.of("scores_low")).partitioning().strategy());
        assertEquals("FOR VALUES WITH (modulus 4, remainder 0)", m.table(QualifiedName.of("scores_low_0")).partitionOf().bound());
    }

    @Test
    void mistakesAreNamed() {
        String columns = Dsl.fails(() -> Dsl.model(SCORES, new ScoresAb())).getMessage();
        assertTrue(columns.contains("takes its columns from it"), columns);

        final class NoBound extends Table {
            NoBound() {
                super("app", "events_x");
                partitionOf(EVENTS);
            }
        }
        String noBound = Dsl.fails(() -> Dsl.model(EVENTS, new NoBound())).getMessage();
        assertTrue(noBound.contains("has no bound"), noBound);

        final class WrongKind extends Table {
            WrongKind() {
                super("app", "events_y");
                partitionOf(EVENTS).forValuesIn("'2024-01-01'");
            }
        }
        String wrong = Dsl.fails(() -> Dsl.model(EVENTS, new WrongKind())).getMessage();
        assertTrue(wrong.contains("partitioned by RANGE"), wrong);

        final class KeyWithoutPartitionColumn extends Table {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<LocalDate> at = date("at");

            KeyWithoutPartitionColumn() {
                super("logs");
                partitionByRange(at);
            }
        }
        String key = Dsl.fails(() -> Dsl.model(new KeyWithoutPartitionColumn())).getMessage();
        assertTrue(key.contains("lacks the partition key column \"at\""), key);

        final class SecondDefault extends Table {
            SecondDefault() {
                super("app", "events_z");
                partitionOf(EVENTS).defaultPartition();
            }
        }
        String twice = Dsl.fails(() -> Dsl.model(EVENTS, new EventsOther(), new SecondDefault())).getMessage();
        assertTrue(twice.contains("at most one default partition"), twice);

        String hash = Dsl.fails(() -> new Table("bad") {
            {
                partitionOf(EVENTS).forValuesWithModulus(2, 2);
            }
        }).getMessage();
        assertTrue(hash.contains("remainder from 0 to modulus - 1"), hash);

        final class StoredParent extends Table {
            final Column<LocalDate> at = date("at");

            StoredParent() {
                super("stored");
                partitionByRange(at);
                with("fillfactor", 70);
            }
        }
        String storage = Dsl.fails(() -> Dsl.model(new StoredParent())).getMessage();
        assertTrue(storage.contains("takes no storage parameters for it (fillfactor)"), storage);

        final class UnloggedParent extends Table {
            final Column<LocalDate> at = date("at");

            UnloggedParent() {
                super("unlogged_parent");
                partitionByRange(at);
                unlogged();
            }
        }
        String unlogged = Dsl.fails(() -> Dsl.model(new UnloggedParent())).getMessage();
        assertTrue(unlogged.contains("cannot be UNLOGGED"), unlogged);

        final class NoInheritParent extends Table {
            final Column<LocalDate> at = date("at");

            NoInheritParent() {
                super("no_inherit_parent");
                partitionByRange(at);
                check("recent", "at > DATE '2000-01-01'").noInherit();
            }
        }
        String noInherit = Dsl.fails(() -> Dsl.model(new NoInheritParent())).getMessage();
        assertTrue(noInherit.contains("check \"recent\" cannot be NO INHERIT"), noInherit);
    }
}
