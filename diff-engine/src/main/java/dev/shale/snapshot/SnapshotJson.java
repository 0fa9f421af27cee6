package dev.shale.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.List;

/**
 * Snapshot files: pretty-printed JSON with sorted keys, two-space indent, {@code \n} line endings and a
 * trailing newline, so the same model always gives the same bytes and a review diff shows only what
 * changed. Reading is strict and every error names the file and the JSON path or line.
 *
 * <p>New files are written in format {@link Snapshot#FORMAT_VERSION}, the compact one (see {@link ModelCodecs});
 * every older format still reads, to the same model, and a snapshot read from an older file writes in its own
 * format again. The id does not depend on the format: it hashes the model's canonical form (format 1, compact),
 * so a model has the same id in every file format.
 */
public final class SnapshotJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private SnapshotJson() {}

    /** The format version, read first, so a file of another version is reported as such before its content is read. */
    private static final Codec<Integer> VERSION = Codec.of(Codecs.INT::write, n -> {
        int v = Codecs.INT.read(n);
        if (v < 1 || v > Snapshot.FORMAT_VERSION) {
            throw n.fail("is " + v + " but this Shale reads formats 1 to " + Snapshot.FORMAT_VERSION
                    + (v > Snapshot.FORMAT_VERSION ? "; upgrade Shale to read it" : ""));
        }
        return v;
    });

    /** The file of each format, by version: the format version, the dialect, the ids and the model's fields. */
    private static final List<ObjectCodec<Snapshot>> FILES = java.util.stream.IntStream.rangeClosed(1, Snapshot.FORMAT_VERSION)
            .mapToObj(v -> file(ModelCodecs.of(v))).toList();

    private static ObjectCodec<Snapshot> file(ModelCodecs codecs) {
        var version = ObjectCodec.required("version", Snapshot::version, VERSION);
        var dialect = ObjectCodec.required("dialect", Snapshot::dialect, Codec.of(Codecs.TEXT::write, n -> {
            String d = Codecs.TEXT.read(n);
            if (!Snapshot.DIALECT.equals(d)) {
                throw n.fail("is \"" + d + "\"; this Shale supports only \"" + Snapshot.DIALECT + "\"");
            }
            return d;
        }));
        var id = ObjectCodec.required("id", Snapshot::id, Codecs.TEXT);
        var prevId = ObjectCodec.required("prevId", Snapshot::prevId, Codecs.TEXT);
        var model = ObjectCodec.inline(Snapshot::model, codecs.SCHEMA);
        return ObjectCodec.of(v -> new Snapshot(v.get(version), v.get(dialect), v.get(id), v.get(prevId), v.get(model)),
                version, dialect, id, prevId, model);
    }

    private static ObjectCodec<Snapshot> fileOf(int version) {
        if (version < 1 || version > FILES.size()) {
            throw new IllegalArgumentException("snapshot format " + version + " is not one this Shale writes (1 to "
                    + FILES.size() + ")");
        }
        return FILES.get(version - 1);
    }

    /** The file's text, in the snapshot's format ({@link Snapshot#FORMAT_VERSION} for every snapshot Shale makes). */
    public static String write(Snapshot snapshot) {
        return JsonText.pretty(fileOf(snapshot.version()).write(snapshot)) + "\n";
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
        Node node = Node.root(root, file);
        Node version = node.field("version");
        if (!version.present()) {
            throw version.fail("is missing; a snapshot file starts with its format version");
        }
        return fileOf(VERSION.read(version)).read(node);
    }

    /** A deterministic id: a UUID-shaped SHA-256 of {@code prevId} and the model's canonical JSON. */
    public static String idFor(String prevId, SchemaModel model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(COMPACT.writeValueAsBytes(ModelCodecs.FORMAT_1.SCHEMA.write(model)));
            String hex = HexFormat.of().formatHex(sha.digest(), 0, 16);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a snapshot id", e);
        }
    }
}
