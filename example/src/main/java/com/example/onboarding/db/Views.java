package com.example.onboarding.db;

import dev.shale.dsl.PgView;

/** Read models over the tables. */
public final class Views {
    /** The review queue: submitted applications with who applied, oldest first. */
    public static final PgView REVIEW_QUEUE = PgView.view("review_queue")
            .as("""
                    select a.id, a.track, a.cohort, a.submitted_at, u.email, p.full_name
                    from public.applications a
                    join public.users u on u.id = a.applicant_id
                    left join public.profiles p on p.user_id = a.applicant_id
                    where a.status in ('submitted', 'under_review') and u.deleted_at is null""")
            .comment("Applications waiting for a reviewer, with the applicant's address and name");

    private Views() {}
}
