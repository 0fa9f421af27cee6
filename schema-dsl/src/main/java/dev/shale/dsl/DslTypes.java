package dev.shale.dsl;

import dev.shale.model.ColumnType;
import dev.shale.model.InvalidModelException;

/** A type as the DSL accepts it in text: a built-in type of the model ({@code varchar(20)}), else any type by name. */
final class DslTypes {
    private DslTypes() {}

    /** {@code text}, {@code numeric(10,2)}, {@code citext}, {@code text[]}; throws {@link InvalidModelException}. */
    static ColumnType of(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidModelException("type", "the type is required");
        }
        String s = sql.strip();
        if (s.endsWith("[]")) {
            return new ColumnType.ArrayOf(of(s.substring(0, s.length() - 2)));
        }
        if (!s.contains(":")) {
            try {
                return ColumnType.parse(s);
            } catch (InvalidModelException e) {
                // not a built-in type of the model: any type by name
            }
        }
        return ColumnType.named(s);
    }
}
