-- Audit lines of failed payouts carried the payments handler's exception text ("Payout failed, returned: The
-- transfer failed 5 times; last: ..."). Popugs read these lines: they now say what happened, in the words
-- AccountingProjection writes for new ones (a replay would write the same).
UPDATE acc_audit_log
SET note = 'Payout failed; the amount is back on the balance and is paid with a later close'
WHERE kind = 'CREDIT' AND payout_id IS NOT NULL AND note LIKE 'Payout failed, returned: %';
