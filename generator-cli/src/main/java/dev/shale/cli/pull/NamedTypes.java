package dev.shale.cli.pull;

import com.palantir.javapoet.CodeBlock;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Built-in types outside the model's own list, carried by name, as the DSL's typed factories declare them
 * ({@code money("price")}, {@code varbit("flags", 8)}); any other type by name is {@code custom("c", "citext")}.
 * Each factory produces exactly the name introspection reads back.
 */
final class NamedTypes {
    private NamedTypes() {}

    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("money", "money"), Map.entry("tsvector", "tsvector"), Map.entry("tsquery", "tsquery"),
            Map.entry("xml", "xml"), Map.entry("cidr", "cidr"), Map.entry("macaddr", "macaddr"), Map.entry("macaddr8", "macaddr8"),
            Map.entry("point", "point"), Map.entry("line", "line"), Map.entry("lseg", "lseg"), Map.entry("box", "box"),
            Map.entry("path", "path"), Map.entry("polygon", "polygon"), Map.entry("circle", "circle"),
            Map.entry("int4range", "int4range"), Map.entry("int8range", "int8range"), Map.entry("numrange", "numrange"),
            Map.entry("tsrange", "tsrange"), Map.entry("tstzrange", "tstzrange"), Map.entry("daterange", "daterange"),
            Map.entry("int4multirange", "int4multirange"), Map.entry("int8multirange", "int8multirange"),
            Map.entry("nummultirange", "nummultirange"), Map.entry("tsmultirange", "tsmultirange"),
            Map.entry("tstzmultirange", "tstzmultirange"), Map.entry("datemultirange", "datemultirange"),
            Map.entry("pg_lsn", "pgLsn"), Map.entry("time with time zone", "timetz"));

    private static final Pattern WITH_LENGTH = Pattern.compile("(bit|bit varying)\\((\\d+)\\)");
    private static final Pattern WITH_PRECISION = Pattern.compile("(time|timestamp)\\((\\d)\\) (with|without) time zone");
    private static final Pattern INTERVAL_FIELDS = Pattern.compile("interval ([a-z ]+(?:\\(\\d\\))?)");

    static CodeBlock factory(String column, String sql) {
        String plain = PLAIN.get(sql);
        if (plain != null) {
            return CodeBlock.of("$N($S)", plain, column);
        }
        Matcher m = WITH_LENGTH.matcher(sql);
        if (m.matches()) {
            return CodeBlock.of("$N($S, $L)", m.group(1).equals("bit") ? "bit" : "varbit", column, m.group(2));
        }
        m = WITH_PRECISION.matcher(sql);
        if (m.matches() && !(m.group(1).equals("time") && m.group(3).equals("with"))) {
            String factory = m.group(1).equals("time") ? "time" : m.group(3).equals("with") ? "timestamptz" : "timestamp";
            return CodeBlock.of("$N($S, $L)", factory, column, m.group(2));
        }
        m = INTERVAL_FIELDS.matcher(sql);
        if (m.matches()) {
            return CodeBlock.of("interval($S, $S)", column, m.group(1));
        }
        return CodeBlock.of("custom($S, $S)", column, sql);
    }
}
