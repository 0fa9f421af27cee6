-- create unique index "ledger_totals_memo_key" on "public"."ledger_totals"
CREATE UNIQUE INDEX "ledger_totals_memo_key" ON "public"."ledger_totals" ("memo");
