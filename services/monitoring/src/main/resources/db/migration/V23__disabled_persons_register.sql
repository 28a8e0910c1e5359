-- 残联's disability register as a third department feed kind (issue 18, ADR 0040): a row of data in the
-- vocabulary of V22, no code. A severely disabled person (重度残疾: 残疾等级 一级 or 二级) of a registered
-- household raises DISABILITY, which the responsibility matrix assigns to 残联 and civil affairs.
-- 三级 and 四级 are good rows that raise nothing.
insert into department_feed_kind (code, bureau, label, risk_type, id_column, value_column, allowed_values, condition,
                                  condition_values, age_from, age_to, finding, source_note, effective_from) values
    ('DISABLED_PERSONS_REGISTER', 'DISABLED_PERSONS_FEDERATION', '残疾人登记册', 'DISABILITY', '身份证号', '残疾等级',
        '{一级,二级,三级,四级}', 'VALUE_IN', '{一级,二级}', null, null, '家庭成员为重度残疾人（残疾等级一级或二级）',
        '残疾人证的残疾等级，一级、二级为重度残疾（残联；重度残疾人护理补贴、代缴养老保险费的对象）',
        date '2021-01-01');

-- A kind's second output, for 残联's register: the event published for each finding's person (a member living
-- in a registered household of the uploader's division), from a closed vocabulary the importer interprets
-- (FeedKind.PersonEvent). DISABILITY_REGISTERED publishes DisabilityRegistered on monitoring.household.v1,
-- which puts severely disabled people into employment's pension-premium roster.
alter table department_feed_kind add column person_event varchar(40)
    check (person_event in ('DISABILITY_REGISTERED'));
update department_feed_kind set person_event = 'DISABILITY_REGISTERED' where code = 'DISABLED_PERSONS_REGISTER';

-- A person's event published once per kind and date the data describes: the same register again, or another
-- file of the same day, publishes nothing more.
create table department_feed_person_event (
    kind      varchar(60) not null,
    as_of     date        not null,
    person_id uuid        not null,
    import_id uuid        not null references department_feed_import (id),
    primary key (kind, as_of, person_id)
);
