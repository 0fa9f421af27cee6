package dev.shale.render;

import dev.shale.change.AlterExtension;
import dev.shale.change.AlterSequence;
import dev.shale.change.CommentTarget;
import dev.shale.change.CreateExtension;
import dev.shale.change.CreateSequence;
import dev.shale.change.DropExtension;
import dev.shale.change.DropSchema;
import dev.shale.change.DropSequence;
import dev.shale.change.SetComment;
import dev.shale.change.SetSequenceOwner;
import dev.shale.model.Extension;
import dev.shale.model.QualifiedName;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.render.GoldenCases.Case;

import java.util.ArrayList;
import java.util.List;

/**
 * The golden cases of extensions, standalone sequences, comments and a schema dropped: the end of
 * {@link GoldenCases}'s story (users and user_role exist, auth is empty by then).
 */
final class ObjectGoldenCases {
    private ObjectGoldenCases() {}

    static final QualifiedName TICKET_NO = QualifiedName.of("ticket_no");
    static final QualifiedName PLAIN_SEQ = QualifiedName.of("auth", "plain_seq");
    static final SequenceOptions TICKET_OPTIONS = new SequenceOptions("integer", 1000L, 10L, 100L, 100000L, 20L, true);
    static final Extension TRGM = new Extension("pg_trgm", "public", "1.5");

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(new Case("create_extension", new CreateExtension(Extension.of("citext"))));
        all.add(new Case("create_extension_schema_version", new CreateExtension(TRGM)));
        all.add(new Case("alter_extension_version", new AlterExtension(TRGM, TRGM.withVersion("1.6"))));
        all.add(new Case("create_sequence", new CreateSequence(Sequence.of(PLAIN_SEQ))));
        all.add(new Case("create_sequence_options", new CreateSequence(Sequence.of(TICKET_NO).withOptions(TICKET_OPTIONS))));
        all.add(new Case("set_sequence_owner", new SetSequenceOwner(TICKET_NO,
                new Sequence.OwnedBy(GoldenCases.USERS, "score"))));
        all.add(new Case("alter_sequence_cache_start", new AlterSequence(TICKET_NO, TICKET_OPTIONS,
                TICKET_OPTIONS.withCache(null).withStart(5000L))));
        all.add(new Case("alter_sequence_type_direction", new AlterSequence(PLAIN_SEQ, SequenceOptions.DEFAULTS,
                SequenceOptions.DEFAULTS.withType("smallint").withIncrement(-1L).withCycle(true))));
        all.add(new Case("release_sequence_owner", new SetSequenceOwner(TICKET_NO, null)));
        all.add(new Case("rename_sequence", new dev.shale.change.RenameSequence(TICKET_NO, TICKET_NO.withName("ticket_number"))));
        all.add(new Case("rename_sequence_back", new dev.shale.change.RenameSequence(TICKET_NO.withName("ticket_number"), TICKET_NO)));
        all.add(new Case("comment_schema", new SetComment(CommentTarget.schema("auth"), "Identity, owned by the auth service")));
        all.add(new Case("comment_table", new SetComment(CommentTarget.table(GoldenCases.USERS), "People who can sign in; it's the core table")));
        all.add(new Case("comment_constraint", new SetComment(CommentTarget.constraint(GoldenCases.USERS, "users_pkey"), "Surrogate key")));
        all.add(new Case("comment_index", new SetComment(CommentTarget.index(GoldenCases.USERS, "users_role_recent_idx"), "Newest members by role")));
        all.add(new Case("comment_type", new SetComment(CommentTarget.type(GoldenCases.USER_ROLE), "Roles, in order of trust")));
        all.add(new Case("comment_sequence", new SetComment(CommentTarget.sequence(TICKET_NO), "Ticket numbers")));
        all.add(new Case("remove_comment", new SetComment(CommentTarget.table(GoldenCases.USERS), null)));
        all.add(new Case("drop_sequence", new DropSequence(Sequence.of(TICKET_NO).withOptions(TICKET_OPTIONS))));
        all.add(new Case("drop_sequence_plain", new DropSequence(Sequence.of(PLAIN_SEQ))));
        all.add(new Case("drop_extension", new DropExtension(Extension.of("citext"))));
        all.add(new Case("drop_schema", new DropSchema("auth")));
        return all;
    }
}
