package dev.shale.dsl;

import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Enums backed by Java enums (with and without custom labels) and by strings. */
class EnumsTest {

    enum Status { DRAFT, IN_REVIEW, PUBLISHED }

    enum Size implements PgEnum.Labelled {
        SMALL("S"), MEDIUM("M"), LARGE("L");

        private final String label;

        Size(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    static final PgEnum<Status> STATUS = PgEnum.of("status", Status.class);
    static final PgEnum<Size> SIZE = PgEnum.of("catalog", "size", Size.class);
    static final PgEnum<String> COLOR = PgEnum.of("color", "red", "green", "blue");
    static final PgEnum<String> SHAPE = PgEnum.inSchema("catalog", "shape", "circle", "square");
    static final PgEnum<String> UNUSED = PgEnum.of("unused", "x");

    static final class Items extends Table {
        final Column<Status> status = column("status", STATUS).notNull().defaultValue(Status.IN_REVIEW);
        final Column<Size> size = column("size", SIZE).defaultValue(Size.LARGE);
        final Column<String> color = column("color", COLOR).defaultValue("green");
        final Column<String> shape = column("shape", SHAPE);

        Items() {
            super("catalog", "items");
        }
    }

    @Test
    void labelsComeFromConstantsInDeclarationOrder() {
        var model = Dsl.model(new Items(), UNUSED);
        assertEquals(List.of(
                new EnumType(QualifiedName.of("catalog", "shape"), List.of("circle", "square")),
                new EnumType(QualifiedName.of("catalog", "size"), List.of("S", "M", "L")),
                new EnumType(QualifiedName.of("color"), List.of("red", "green", "blue")),
                new EnumType(QualifiedName.of("status"), List.of("draft", "in_review", "published")),
                new EnumType(QualifiedName.of("unused"), List.of("x"))),
                model.enums(), "sorted by qualified name; an enum no column uses is still declared");
    }

    @Test
    void enumDefaultsAreStoredAsTheirLabels() {
        var catalogItems = Dsl.model(new Items()).table(QualifiedName.of("catalog", "items"));
        assertEquals(DefaultValue.string("in_review"), catalogItems.column("status").defaultValue());
        assertEquals(DefaultValue.string("L"), catalogItems.column("size").defaultValue());
        assertEquals(DefaultValue.string("green"), catalogItems.column("color").defaultValue());
        assertEquals("enum:catalog.size", catalogItems.column("size").type().spec());
    }

    @Test
    void theSameEnumListedTwiceIsOneEnum() {
        var model = Dsl.model(STATUS, STATUS, PgEnum.of("status", Status.class));
        assertEquals(1, model.enums().size());
    }
}
