package dev.shale.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.shale.model.SchemaModel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Snapshot files: pretty-printed JSON with sorted keys, two-space indent, {@code \n} line endings and a
 * trailing newline, so the same model always gives the same bytes and a review diff shows only what
 * changed. Reading is strict and every error names the file and the JSON path or line.
 */
public final class SnapshotJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator("")));
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private SnapshotJson() {}

    /**
     * The file: the format version first, so a file of another version is reported as such before its
     * content is read; then the dialect, the ids and the model's fields.
     */
    private static final ObjectCodec<Snapshot> FILE = file();

    private static ObjectCodec<Snapshot> file() {
        var version = ObjectCodec.required("version", Snapshot::version, Codec.of(Codecs.INT::write, n -> {
            int v = Codecs.INT.read(n);
            if (v != Snapshot.FORMAT_VERSION) {
                throw n.fail("is " + v + " but this Shale reads format " + Snapshot.FORMAT_VERSION
                        + (v > Snapshot.FORMAT_VERSION ? "; upgrade Shale to read it" : ""));
            }
            return v;
        }));
        var dialect = ObjectCodec.required("dialect", Snapshot::dialect, Codec.of(Codecs.TEXT::write, n -> {
            String d = Codecs.TEXT.read(n);
            if (!Snapshot.DIALECT.equals(d)) {
                throw n.fail("is \"" + d + "\"; this Shale supports only \"" + Snapshot.DIALECT + "\"");
            }
            return d;
        }));
        var id = ObjectCodec.required("id", Snapshot::id, Codecs.TEXT);
        var prevId = ObjectCodec.required("prevId", Snapshot::prevId, Codecs.TEXT);
        var model = ObjectCodec.inline(Snapshot::model, ModelCodecs.SCHEMA);
        return ObjectCodec.of(v -> new Snapshot(v.get(version), v.get(dialect), v.get(id), v.get(prevId), v.get(model)),
                version, dialect, id, prevId, model);
    }

    /** The file's text. */
    public static String write(Snapshot snapshot) {
        try {
            return PRETTY.writeValueAsString(FILE.write(snapshot)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot model could not be written as JSON", e);
        }
    }

    /**
     * Parses a snapshot file.
     *
     * @param json the file's text
     * @param file the file name, for messages
     * @throws SnapshotException naming the file and place when the text is not a valid snapshot
     */
    public static Snapshot read(String json, String file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String place = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new SnapshotException(file, place, "is not valid JSON (" + e.getOriginalMessage()
                    + "); it may be truncated or hold merge-conflict markers. Restore it from version control"
                    + " (git checkout -- " + file + ") or delete it together with its migration and generate again");
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotException(file, null, "is empty or not a JSON object; restore it from version control");
        }
        return FILE.read(Node.root(root, file));
    }

    /** A deterministic id: a UUID-shaped SHA-256 of {@code prevId} and the model's canonical JSON. */
    public static String idFor(String prevId, SchemaModel model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(COMPACT.writeValueAsBytes(ModelCodecs.SCHEMA.write(model)));
            String hex = HexFormat.of().formatHex(sha.digest(), 0, 16);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a snapshot id", e);
        }
    }
}
