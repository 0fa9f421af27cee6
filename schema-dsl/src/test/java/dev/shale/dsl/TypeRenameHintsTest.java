package dev.shale.dsl;

import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code renamedValue} on an enum and {@code renamedAttribute} on a composite type become rename decisions. */
class TypeRenameHintsTest {
    static final PgEnum<String> MOOD = PgEnum.of("mood", "happy", "blue").renamedValue("sad", "blue");
    static final PgComposite ADDRESS = PgComposite.of("address").attribute("street", "text")
            .attribute("postcode", "varchar(10)").renamedAttribute("zip", "postcode");

    static final class Shops extends Table {
        final Column<String> mood = column("mood", MOOD);
        final Column<String> address = column("address", ADDRESS);

        Shops() {
            super("shops");
        }
    }

    @Test
    void hintsBecomeRenames() {
        SchemaDefinition d = SchemaBuilder.build(List.of(new Shops()));
        assertTrue(d.renames().contains(Rename.enumValue(QualifiedName.of("mood"), "sad", "blue")), d.renames().toString());
        assertTrue(d.renames().contains(Rename.attribute(QualifiedName.of("address"), "zip", "postcode")), d.renames().toString());
        assertEquals("enum:public.mood.sad=blue", Rename.enumValue(QualifiedName.of("mood"), "sad", "blue").flag());
        assertEquals("type:public.address.zip=postcode", Rename.attribute(QualifiedName.of("address"), "zip", "postcode").flag());
    }

    @Test
    void aHintThatCannotBeARenameSaysWhy() {
        assertTrue(assertThrows(SchemaDefinitionException.class, () -> PgEnum.of("m", "a", "b").renamedValue("x", "c"))
                .getMessage().contains("'c' as the new label, but the enum's values are [a, b]"));
        assertTrue(assertThrows(SchemaDefinitionException.class, () -> PgEnum.of("m", "a", "b").renamedValue("a", "b"))
                .getMessage().contains("'a' is still one of its values"));
        assertTrue(assertThrows(SchemaDefinitionException.class,
                () -> PgComposite.of("t").attribute("a", "text").renamedAttribute("x", "b"))
                .getMessage().contains("has no such attribute"));
        assertTrue(assertThrows(SchemaDefinitionException.class,
                () -> PgComposite.of("t").attribute("a", "text").attribute("b", "text").renamedAttribute("a", "b"))
                .getMessage().contains("is still one of its attributes"));
    }
}
