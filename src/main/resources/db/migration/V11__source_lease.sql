-- Claiming and fencing (docs: README "Polling"). Every claim of a source bumps its lease token; a
-- write that carries an older token comes from an instance whose lease ended and is refused.
alter table source add column lease_token bigint default 0 not null;

-- One statement claims a batch of due sources, so finding them must not scan the table.
create index source_due on source (next_poll_at, id);
