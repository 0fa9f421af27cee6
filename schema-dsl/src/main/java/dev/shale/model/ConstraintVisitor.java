package dev.shale.model;

/**
 * The one dispatch point over the {@link Constraint} family: a consumer that decides per kind of
 * constraint (how to render it, what to call it) implements this, and {@link Constraint#accept} calls
 * the method for the constraint's kind. No default methods: a new kind breaks every consumer's build.
 *
 * @param <R> what the consumer makes of a constraint
 */
public interface ConstraintVisitor<R> {
    R visitPrimaryKey(PrimaryKey k);

    R visitUnique(Unique k);

    R visitCheck(Check k);

    R visitForeignKey(ForeignKey k);

    R visitExclusion(Exclusion k);

    /** What a constraint is called in messages and comments: {@code primary key}, {@code check constraint}. */
    ConstraintVisitor<String> KIND = new ConstraintVisitor<>() {
        @Override
        public String visitPrimaryKey(PrimaryKey k) {
            return "primary key";
        }

        @Override
        public String visitUnique(Unique k) {
            return "unique constraint";
        }

        @Override
        public String visitCheck(Check k) {
            return "check constraint";
        }

        @Override
        public String visitForeignKey(ForeignKey k) {
            return "foreign key";
        }

        @Override
        public String visitExclusion(Exclusion k) {
            return "exclusion constraint";
        }
    };
}
