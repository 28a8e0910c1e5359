-- Three tiers per settlement (三重保障). Hospitals and the provincial platform report the total, the
-- part inside the policy range (政策范围内费用) and what basic insurance paid; this service computes
-- critical-illness insurance and medical assistance from the person's stored settlements of the year
-- dated before it and the parameters in force on the settlement date, and stores how (class, tilt,
-- parameter versions).
alter table settlement add column insured_county varchar(6);
alter table settlement add column policy_range_cost numeric(14, 2);
alter table settlement add column cover_class varchar(10);
alter table settlement add column parameter_versions varchar(1000);
alter table settlement add column source varchar(20) not null default 'API';
create index settlement_county_month on settlement (insured_county, settled_on);

-- Who gets tilted cover and medical assistance, from when to when (valid_to exclusive, null = open):
-- DIBAO and TEKUN per person from civil affairs' status changes; MONITORED per household from a risk
-- alert that names medical insurance (from the alert's decision date until the risk is eliminated).
create table cover_status (
    id           uuid primary key,
    basis        varchar(10) not null check (basis in ('TEKUN', 'DIBAO', 'MONITORED')),
    person_ref   char(64),
    household_id uuid,
    valid_from   date        not null,
    valid_to     date,
    source_id    uuid        not null,
    recorded_at  timestamptz not null default now(),
    check (person_ref is not null or household_id is not null),
    check (valid_to is null or valid_to >= valid_from)
);
create index cover_status_person on cover_status (person_ref);
create index cover_status_household on cover_status (household_id);

-- The counties whose monthly settlements are expected (Fushun's county-level divisions).
create table feed_county (
    county_code varchar(6) primary key,
    name        varchar(40) not null
);
insert into feed_county (county_code, name) values
    ('210402', '新抚区'), ('210403', '东洲区'), ('210404', '望花区'), ('210411', '顺城区'),
    ('210421', '抚顺县'), ('210422', '新宾满族自治县'), ('210423', '清原满族自治县');

-- One completeness check per month once its deadline passed (the event is published once).
create table feed_check (
    month            date primary key,
    deadline         date        not null,
    missing_counties varchar(200) not null,
    checked_at       timestamptz not null default now()
);

-- The pull from the provincial medical-insurance platform: where each county's feed stands.
create table provincial_cursor (
    county_code  varchar(6) primary key,
    cursor_value text,
    pulled       bigint      not null default 0,
    last_success timestamptz,
    last_failure timestamptz,
    last_error   text
);

-- Rows the provincial platform sent that broke the rules: kept by settlement id and reason (the
-- platform keeps the row itself; no ID number is stored here).
create table provincial_rejected (
    settlement_id text        not null,
    county_code   varchar(6)  not null,
    problems      text        not null,
    received_at   timestamptz  not null default now()
);

-- Parameters. The national tilt (国办发〔2021〕42号: for 特困, dibao and people returned to poverty
-- the critical-illness deductible is lowered by half, the ratio raised by 5 points, the cap lifted)
-- and the national individual premium are public figures; the other amounts are ILLUSTRATIVE demo
-- values until the medical-insurance bureau sets the county's through the parameters API.
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('medical.critical.deductible', '*', date '2021-01-01', 12000.00, 'CNY/person/year', '示例值：大病保险起付线（待医保局核定）'),
    ('medical.critical.ratio', '*', date '2021-01-01', 0.60, 'ratio', '示例值：大病保险支付比例（待医保局核定）'),
    ('medical.critical.annual-cap', '*', date '2021-01-01', 300000.00, 'CNY/person/year', '示例值：大病保险年度最高支付限额（待医保局核定）'),
    ('medical.critical.tilt.deductible-factor', '*', date '2021-01-01', 0.50, 'factor', '国办发〔2021〕42号：起付线降低50%'),
    ('medical.critical.tilt.ratio-points', '*', date '2021-01-01', 0.05, 'ratio', '国办发〔2021〕42号：支付比例提高5个百分点，取消封顶线'),
    ('medical.assistance.ratio.tekun', '*', date '2021-01-01', 1.00, 'ratio', '示例值：特困人员医疗救助比例（待医保局核定）'),
    ('medical.assistance.ratio.dibao', '*', date '2021-01-01', 0.70, 'ratio', '示例值：低保对象医疗救助比例（待医保局核定）'),
    ('medical.assistance.ratio.monitored', '*', date '2021-01-01', 0.60, 'ratio', '示例值：返贫致贫及监测人口医疗救助比例（待医保局核定）'),
    ('medical.assistance.annual-cap', '*', date '2021-01-01', 30000.00, 'CNY/person/year', '示例值：医疗救助年度限额（待医保局核定）'),
    ('medical.premium.individual', '*', date '2021-01-01', 320.00, 'CNY/person/year', '城乡居民医保个人缴费标准（2021年）'),
    ('medical.premium.individual', '*', date '2022-01-01', 350.00, 'CNY/person/year', '城乡居民医保个人缴费标准（2022年）'),
    ('medical.premium.individual', '*', date '2023-01-01', 380.00, 'CNY/person/year', '城乡居民医保个人缴费标准（2023年）'),
    ('medical.premium.individual', '*', date '2024-01-01', 400.00, 'CNY/person/year', '城乡居民医保个人缴费标准（2024年）'),
    ('medical.premium.transition-share', '*', date '2021-01-01', 0.50, 'share', '示例值：过渡期脱贫人口参保资助比例（逐步调整，待医保局核定）'),
    ('medical.premium.transition-share', '*', date '2024-01-01', 0.30, 'share', '示例值：过渡期脱贫人口参保资助比例（逐步调整，待医保局核定）'),
    ('medical.feed.deadline-day', '*', date '2021-01-01', 5, 'day of month', '每月结算数据报送截止日（次月5日）');
