package dev.shale.cli.pull;

import com.palantir.javapoet.NameAllocator;
import dev.shale.model.EnumType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Java names pulled code uses: a class and a {@code Schema} constant per table, a field per column
 * and an {@code Enums} constant per enum. SQL names become camel case ({@code user_profiles} →
 * {@code UserProfiles}, {@code created_at} → {@code createdAt}); JavaPoet's {@link NameAllocator} makes
 * them legal and unique (keywords, leading digits, quotes), and tables outside {@code public} carry
 * their schema ({@code auth.users} → {@code AuthUsers}).
 */
final class JavaNames {
    /** Names the generated package already uses, or that would shadow types the generated code needs. */
    private static final Set<String> RESERVED_CLASSES = Set.of("Schema", "Enums", "Column", "Table", "ExternalTable",
            "PgEnum", "IndexKeySpec", "IndexMethod", "ReferentialAction", "List", "UUID", "BigDecimal", "InetAddress",
            "Duration", "LocalDate", "LocalTime", "LocalDateTime", "OffsetDateTime", "String", "Object", "Short",
            "Integer", "Long", "Float", "Double", "Boolean", "Byte", "Character", "Number", "Math", "System",
            "Override", "SuppressWarnings", "Deprecated", "Class", "Enum", "Record", "Void", "Thread", "Runtime");

    /**
     * The names of one table's class.
     *
     * @param className the simple class name
     * @param constant the static field in {@code Schema} holding its instance
     * @param fields the Java field for each SQL column name, in column order
     */
    record TableNames(String className, String constant, Map<String, String> fields) {}

    private final Map<QualifiedName, TableNames> tables = new HashMap<>();
    private final Map<QualifiedName, String> enums = new HashMap<>();

    JavaNames(SchemaModel model) {
        NameAllocator classes = new NameAllocator();
        RESERVED_CLASSES.forEach(classes::newName);
        NameAllocator constants = new NameAllocator();
        Set<String> files = new java.util.HashSet<>(Set.of("schema", "enums"));
        List<Table> all = new ArrayList<>(model.tables());
        all.addAll(model.externalTables());
        for (Table t : all) {
            String candidate = avoidReserved(upperCamel(qualified(t.name())));
            // Users.java and USERS.java are one file on case-insensitive file systems.
            while (!files.add(candidate.toLowerCase(Locale.ROOT))) {
                candidate += "_";
            }
            String className = classes.newName(candidate, t.name());
            files.add(className.toLowerCase(Locale.ROOT));
            String constant = constants.newName(upperSnake(qualified(t.name())), t.name());
            NameAllocator fieldNames = new NameAllocator();
            Map<String, String> fields = new LinkedHashMap<>();
            for (dev.shale.model.Column c : t.columns()) {
                fields.put(c.name(), fieldNames.newName(lowerCamel(c.name()), c.name()));
            }
            tables.put(t.name(), new TableNames(className, constant, fields));
        }
        NameAllocator enumNames = new NameAllocator();
        for (EnumType e : model.enums()) {
            enums.put(e.name(), enumNames.newName(upperSnake(qualified(e.name())), e.name()));
        }
    }

    TableNames table(QualifiedName name) {
        return tables.get(name);
    }

    String enumConstant(QualifiedName name) {
        return enums.get(name);
    }

    private static String qualified(QualifiedName name) {
        return name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? name.name() : name.schema() + "_" + name.name();
    }

    private static String avoidReserved(String className) {
        return RESERVED_CLASSES.contains(className) ? className + "Table" : className;
    }

    /** The SQL name's words: runs of letters and digits. */
    static List<String> words(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        sql.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        if (out.isEmpty()) {
            out.add("x");
        }
        return out;
    }

    static String upperCamel(String sql) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(sql)) {
            sb.appendCodePoint(Character.toUpperCase(w.codePointAt(0))).append(w.substring(Character.charCount(w.codePointAt(0))));
        }
        return sb.toString();
    }

    static String lowerCamel(String sql) {
        String upper = upperCamel(sql);
        int first = upper.codePointAt(0);
        // All-caps names (ID, URL) read better fully lower-cased than as iD or uRL.
        if (upper.equals(upper.toUpperCase(Locale.ROOT))) {
            return upper.toLowerCase(Locale.ROOT);
        }
        return new StringBuilder().appendCodePoint(Character.toLowerCase(first))
                .append(upper.substring(Character.charCount(first))).toString();
    }

    static String upperSnake(String sql) {
        List<String> parts = new ArrayList<>();
        for (String w : words(sql)) {
            // split camelCase words too: userRole -> USER_ROLE
            parts.add(w.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        return String.join("_", parts);
    }
}
