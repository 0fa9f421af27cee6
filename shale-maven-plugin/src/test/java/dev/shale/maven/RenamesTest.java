package dev.shale.maven;

import dev.shale.diff.RenameQuestion;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rename answers from the pom, and the open-questions failure, in the plugin's terms. */
class RenamesTest {
    private static final QualifiedName USERS = QualifiedName.of("public", "users");

    @Test
    void readsTableAndColumnRenamesAndDroppedAnswers() throws Exception {
        assertEquals(List.of(Rename.table(USERS, "people"), Rename.column(USERS, "name", "full_name")),
                Renames.renames(List.of("public.users=people", " public.users.name = full_name ")));
        assertEquals(List.of(Rename.table(USERS, "users"), Rename.column(USERS, "nickname", "nickname")),
                Renames.dropped(List.of("public.users", "public.users.nickname")));
        assertEquals(List.of(), Renames.renames(null));
    }

    @Test
    void anEntryThatIsNotUnderstoodSaysHowToWriteIt() {
        String message = assertThrows(MojoFailureException.class, () -> Renames.renames(List.of("users.name"))).getMessage();
        assertTrue(message.startsWith("<renames> entry \"users.name\" is not understood; write schema.table=new_name"), message);
        message = assertThrows(MojoFailureException.class, () -> Renames.dropped(List.of("name"))).getMessage();
        assertTrue(message.startsWith("<dropped> entry \"name\" is not understood"), message);
    }

    @Test
    void openQuestionsListEveryAnswerAsPomConfiguration() {
        RenameQuestion q = new RenameQuestion(Rename.Kind.COLUMN, USERS, "name", List.of("full_name"));
        String message = Renames.openQuestions(List.of(q), "generate");
        assertTrue(message.startsWith("a rename question is open, and a build cannot ask it."), message);
        assertTrue(message.contains("<rename>public.users.name=full_name</rename>"), message);
        assertTrue(message.contains("dropped: <table>public.users.name</table> in <dropped>"), message);
        assertTrue(message.endsWith("then run mvn shale:generate again."), message);
        assertFalse(message.contains("--"), message);
    }
}
