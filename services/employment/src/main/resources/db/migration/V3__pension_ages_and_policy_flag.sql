-- Pension premiums paid on behalf only for people of insurable age: the year of birth from monitoring's
-- HouseholdRegistered (null: not known, e.g. registered before monitoring published it).
alter table person add column birth_year int;

-- 脱贫不享受政策户 (from HouseholdRegistered): not a monitored person for premiums paid on behalf.
alter table household_category add column not_entitled_to_policy boolean not null default false;

-- The residents' pension insures people from 16 (年满16周岁) until they draw the pension (年满60周岁).
-- Ages reached in the calendar year of the roster; the national scheme's figures, kept as parameters.
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('employment.pension.min-age', '*', date '2021-01-01', 16, 'years', '城乡居民养老保险参保年龄：年满16周岁（国发〔2014〕8号）'),
    ('employment.pension.pension-age', '*', date '2021-01-01', 60, 'years', '城乡居民养老保险领取待遇年龄：年满60周岁，此后不再代缴（国发〔2014〕8号）');
