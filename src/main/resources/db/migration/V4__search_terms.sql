-- The search index: each incident's distinct words (title and updates' text, lower case, accents
-- folded; see SearchTerms), kept by the application whenever an incident is merged.
-- A query word is one lookup on incident_term_lookup (a prefix is a range on it), so search costs
-- what the matches cost, not what the whole history costs, on H2 and PostgreSQL alike.
create table incident_term (
    incident_id bigint      not null,
    term        varchar(64) not null,
    constraint incident_term_pk primary key (incident_id, term),
    constraint incident_term_incident_fk foreign key (incident_id) references incident (id)
);

create index incident_term_lookup on incident_term (term, incident_id);
