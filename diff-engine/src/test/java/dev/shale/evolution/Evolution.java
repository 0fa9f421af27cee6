package dev.shale.evolution;

import dev.shale.change.Change;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.Conversion;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;

import java.util.ArrayList;
import java.util.List;

/**
 * One hand-picked evolution: schema A, schema B, the rename answers the CLI would pass, and what must
 * hold once A's database has been migrated to B.
 *
 * @param name what the case shows, as the test is listed
 * @param from schema A
 * @param to schema B
 * @param decisions rename answers for A → B
 * @param setup SQL run by hand on every database before Shale touches it (objects Shale does not own), or null
 * @param seed SQL run on A's database before the migration, rows that must survive, or null
 * @param survivors queries run after the migration, each with the rows (first column) it must return
 * @param expected change kinds the A → B plan must contain
 * @param forbidden change kinds the A → B plan must not contain
 * @param steps the number of A → B steps, or 0 when any number will do
 * @param dataLoss whether the plan must (TRUE), must not (FALSE) or may (null) carry a data-loss hazard
 * @param untouched tables no change of any plan may create, alter or drop
 * @param conversions the code's USING expressions for A → B ({@code using("...")})
 */
record Evolution(String name, SchemaModel from, SchemaModel to, RenameDecisions decisions, String setup,
                 String seed, List<Survivor> survivors, List<Class<? extends Change>> expected,
                 List<Class<? extends Change>> forbidden, int steps, Boolean dataLoss, List<QualifiedName> untouched,
                 List<Conversion> conversions) {

    /** A query and the rows it must return after the migration. */
    record Survivor(String query, List<String> rows) {}

    @Override
    public String toString() {
        return name;
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    /** Fluent construction, so each case reads top to bottom. */
    static final class Builder {
        private final String name;
        private SchemaModel from = SchemaModel.EMPTY;
        private SchemaModel to = SchemaModel.EMPTY;
        private final List<Rename> renames = new ArrayList<>();
        private final List<Rename> dropped = new ArrayList<>();
        private String setup;
        private String seed;
        private final List<Survivor> survivors = new ArrayList<>();
        private final List<Class<? extends Change>> expected = new ArrayList<>();
        private final List<Class<? extends Change>> forbidden = new ArrayList<>();
        private int steps;
        private Boolean dataLoss;
        private final List<QualifiedName> untouched = new ArrayList<>();
        private final List<Conversion> conversions = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder from(SchemaModel a) {
            this.from = a;
            return this;
        }

        Builder to(SchemaModel b) {
            this.to = b;
            return this;
        }

        Builder rename(Rename rename) {
            renames.add(rename);
            return this;
        }

        /** Answers the rename question about {@code table} with "dropped, not renamed", as the prompt would. */
        Builder droppedNotRenamed(QualifiedName table) {
            dropped.add(new Rename(Rename.Kind.TABLE, table, table.name(), table.name()));
            return this;
        }

        Builder setup(String sql) {
            this.setup = sql;
            return this;
        }

        Builder seed(String sql) {
            this.seed = sql;
            return this;
        }

        /** After the migration, {@code query} returns exactly {@code rows} (first column, as text; null for NULL). */
        Builder keeps(String query, String... rows) {
            survivors.add(new Survivor(query, java.util.Arrays.asList(rows)));
            return this;
        }

        @SafeVarargs
        final Builder expects(Class<? extends Change>... kinds) {
            expected.addAll(List.of(kinds));
            return this;
        }

        @SafeVarargs
        final Builder forbids(Class<? extends Change>... kinds) {
            forbidden.addAll(List.of(kinds));
            return this;
        }

        Builder steps(int count) {
            this.steps = count;
            return this;
        }

        Builder losesData() {
            this.dataLoss = Boolean.TRUE;
            return this;
        }

        Builder losesNoData() {
            this.dataLoss = Boolean.FALSE;
            return this;
        }

        Builder untouched(QualifiedName table) {
            untouched.add(table);
            return this;
        }

        /** The code converts column {@code column} of {@code table} with {@code USING (using)}. */
        Builder converts(String table, String column, String using) {
            conversions.add(new Conversion(QualifiedName.of(table), column, using));
            return this;
        }

        Evolution build() {
            return new Evolution(name, from, to, new RenameDecisions(renames, dropped), setup, seed, List.copyOf(survivors),
                    List.copyOf(expected), List.copyOf(forbidden), steps, dataLoss, List.copyOf(untouched),
                    List.copyOf(conversions));
        }
    }
}
