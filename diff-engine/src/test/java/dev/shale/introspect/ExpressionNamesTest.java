package dev.shale.introspect;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Schema qualifiers are rewritten in expressions, never inside literals or as unqualified names. */
class ExpressionNamesTest {
    private static final Map<String, String> MAP = Map.of("public", "tmp_0", "My App", "tmp_1");

    @Test
    void rewritesQualifiersOnly() {
        assertEquals("'a'::tmp_0.role", ExpressionNames.replace("'a'::public.role", MAP));
        assertEquals("'a'::tmp_0.role", ExpressionNames.replace("'a'::PUBLIC.role", MAP));
        assertEquals("'a'::tmp_1.\"Mood\"", ExpressionNames.replace("'a'::\"My App\".\"Mood\"", MAP));
        assertEquals("public = 'public.x' and t.public.y > 0", ExpressionNames.replace("public = 'public.x' and t.public.y > 0", MAP));
        assertEquals("'it''s public.x'::tmp_0.t", ExpressionNames.replace("'it''s public.x'::public.t", MAP));
        assertEquals("$$public.x$$", ExpressionNames.replace("$$public.x$$", MAP));
        java.util.function.BiPredicate<String, String> onlyRole = (schema, name) -> name.equals("role") || name.equals("Mood");
        assertEquals("'a'::tmp_0.role = 'b'::public.citext", ExpressionNames.replace("'a'::public.role = 'b'::public.citext", MAP, onlyRole));
        assertEquals("'a'::tmp_1.\"Mood\" || ''::\"My App\".\"Other\"",
                ExpressionNames.replace("'a'::\"My App\".\"Mood\" || ''::\"My App\".\"Other\"", MAP, onlyRole));
        assertEquals("'a'::tmp_0.ROLE", ExpressionNames.replace("'a'::public.ROLE", MAP, onlyRole), "unquoted names fold to lower case");
    }
}
