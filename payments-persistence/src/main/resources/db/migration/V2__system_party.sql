-- The party that owns the per-currency system accounts, which fund deposits into wallets.
INSERT INTO party (id, kind, username, phone, display_name, created_at)
VALUES ('00000000-0000-0000-0000-000000000000', 'SYSTEM', NULL, NULL, 'Pantheon system', CURRENT_TIMESTAMP);
