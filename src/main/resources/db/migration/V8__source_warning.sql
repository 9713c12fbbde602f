-- What the last poll that read the source's documents had to repair or skip (a record without an
-- id, an unknown status word, an implausible date, ...), shown beside the source's health. Null when
-- every record was read as it stood.
alter table source add column last_warning varchar(2000);

-- Links stored before the merge kept only http(s) ones: a javascript: or data: link must never reach
-- a page, a feed or the API again.
update incident set vendor_url = null
    where vendor_url is not null and lower(vendor_url) not like 'http://%' and lower(vendor_url) not like 'https://%';
