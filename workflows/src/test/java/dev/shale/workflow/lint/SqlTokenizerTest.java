package dev.shale.workflow.lint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tokenizer follows PostgreSQL's lexer: what hides inside strings, quoted names, comments and dollar quotes stays hidden. */
class SqlTokenizerTest {
    private static List<String> tokens(String sql) {
        return SqlTokenizer.tokens(sql).stream().map(t -> t.kind() + ":" + t.value()).toList();
    }

    @Test
    void wordsFoldToLowerCaseAndQuotedNamesKeepTheirs() {
        assertEquals(List.of("WORD:drop", "WORD:table", "QUOTED:Public", "SYMBOL:.", "QUOTED:My \"T\""),
                tokens("DROP Table \"Public\".\"My \"\"T\"\"\""));
    }

    @Test
    void stringsOfEveryPrefixAreOneToken() {
        assertEquals(List.of("STRING:it's", "STRING:a'b\\", "STRING:1010", "STRING:DROP TABLE x; $$", "STRING:d\\0061ta"),
                tokens("'it''s' E'a\\'b\\\\' B'1010' $body$DROP TABLE x; $$$body$ U&'d\\0061ta'"));
    }

    @Test
    void commentsNestAndAreSkipped() {
        assertEquals(List.of("WORD:select", "NUMBER:1", "SYMBOL:+", "NUMBER:2"),
                tokens("SELECT /* a /* nested */ DROP TABLE t; */ 1 -- DROP TABLE u\n + 2"));
    }

    @Test
    void operatorsAndParametersAreSymbols() {
        assertEquals(List.of("STRING:{}", "SYMBOL:::", "WORD:jsonb", "SYMBOL:$", "NUMBER:1", "SYMBOL:>=", "NUMBER:.5"),
                tokens("'{}'::jsonb $1 >= .5"));
    }
}
