-- H2 made an index of its own for each of these foreign keys when the table was created, before the
-- named index on the same column; PostgreSQL has only the named one. Dropped here, each column keeps
-- one index: the foreign key's.
DROP INDEX posting_transaction;
DROP INDEX payment_ledger_transaction;
