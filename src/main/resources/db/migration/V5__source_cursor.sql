-- Where a social source's last good poll stopped (e.g. the newest post id, for since_id), so the
-- next poll fetches only what is new. The adapter owns its format; null until a first good poll.
alter table source add column poll_cursor varchar(200);
