-- Where a source's documents now live when the vendor answered with a permanent redirect (301/308)
-- to another host: shown on the vendor page so an operator can update the catalog. Null otherwise.
alter table source add column moved_to varchar(2000);
