-- Every index is written by every insert: a payment's two postings, and the audit entry of every create
-- and pay. On embedded H2 each index is a tree whose changed pages are written out at each commit, which
-- was more than half of the server's CPU per payment; on PostgreSQL each is another page to log.
-- posting_statement (account_id, created_at DESC, id DESC) finds an account's postings as well.
DROP INDEX posting_account;
-- The audit trail is read newest first (audit_newest); a period alone is walked along that order.
DROP INDEX audit_time;
