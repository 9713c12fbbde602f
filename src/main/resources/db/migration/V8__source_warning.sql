-- What the last poll that read the source's documents had to repair or skip (a record without an
-- id, an unknown status word, an implausible date, ...), shown beside the source's health. Null when
-- every record was read as it stood.
alter table source add column last_warning varchar(2000);
