-- The typed measure catalogue of the bureaus that answer through monitoring's API (issue 18, ADR 0039):
-- what each bureau may record as a measure, as effective-dated data. A new type is a new row; a changed
-- type is a new row for the same code from a later day, with the old row's effective_to set to the day
-- before. An amount is either required (with what it means and its unit) or refused: a type's amounts
-- always mean the same thing, so they can be added up.
create table measure_type (
    code            varchar(60)  not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
    -- the bureaus that answer through the API (BureauRoles); the others record measures in their own services
    bureau          varchar(40)  not null check (bureau in ('EDUCATION', 'HEALTH', 'WATER', 'AGRICULTURE',
                                                             'DISABLED_PERSONS_FEDERATION', 'RURAL_REVITALIZATION')),
    label           varchar(100) not null,
    amount_required boolean      not null,
    amount_label    varchar(60),
    cadence         varchar(100),
    source_note     varchar(300) not null,
    sort_order      int          not null default 0,
    effective_from  date         not null,
    effective_to    date,
    primary key (code, effective_from),
    check (effective_to is null or effective_to >= effective_from),
    check (amount_required = (amount_label is not null))
);
create index measure_type_bureau on measure_type (bureau, effective_from);

insert into measure_type (code, bureau, label, amount_required, amount_label, cadence, source_note, sort_order, effective_from) values
    ('CONTROL_DROPOUT', 'EDUCATION', '控辍保学劝返', false, null, null,
        '义务教育阶段控辍保学（市实施方案“三保障”；DOMAIN.md 教育局）', 10, date '2021-01-01'),
    ('STUDENT_AID', 'EDUCATION', '教育资助', true, '资助金额（元）', '每学期',
        '家庭经济困难学生资助（DOMAIN.md 教育局：student aid）', 20, date '2021-01-01'),
    ('NUTRITION_IMPROVEMENT', 'EDUCATION', '营养改善计划', false, null, null,
        '农村义务教育学生营养改善计划（常见做法）', 30, date '2021-01-01'),
    ('FAMILY_DOCTOR', 'HEALTH', '家庭医生签约', false, null, null,
        '脱贫人口和监测对象家庭医生签约服务（常见做法）', 10, date '2021-01-01'),
    ('CHRONIC_FOLLOW_UP', 'HEALTH', '慢病随访', false, null, '每季度一次',
        '高血压、糖尿病等慢病患者随访（基本公共卫生服务常见做法）', 20, date '2021-01-01'),
    ('TREAT_FIRST_PAY_LATER', 'HEALTH', '先诊疗后付费', false, null, null,
        '县域内住院先诊疗后付费（DOMAIN.md 卫健委：treat-first-pay-later）', 30, date '2021-01-01'),
    ('WATER_SAFETY_CHECK', 'WATER', '饮水安全核查', false, null, null,
        '农村饮水安全（“两不愁三保障”及饮水安全；DOMAIN.md 水务局）', 10, date '2021-01-01'),
    ('WATER_SUPPLY_CONNECTION', 'WATER', '供水工程入户', true, '工程投入（元）', null,
        '农村供水保障工程入户（DOMAIN.md 水务局：water-safety works）', 20, date '2021-01-01'),
    ('INDUSTRY_SUPPORT_FUND', 'AGRICULTURE', '产业帮扶资金', true, '帮扶资金（元）', null,
        '到户产业帮扶（DOMAIN.md 农业农村局：industry support）', 10, date '2021-01-01'),
    ('MICROCREDIT', 'AGRICULTURE', '小额信贷', true, '贷款金额（元）', null,
        '脱贫人口小额信贷（DOMAIN.md 农业农村局：small credit）', 20, date '2021-01-01'),
    ('ANTI_POVERTY_INSURANCE_CLAIM', 'AGRICULTURE', '防贫保险理赔', true, '理赔金额（元）', null,
        '防贫保险理赔（DOMAIN.md 农业农村局：防贫保）', 30, date '2021-01-01'),
    ('DISABILITY_LIVING_SUBSIDY', 'DISABLED_PERSONS_FEDERATION', '困难残疾人生活补贴', true, '补贴金额（元）', '按月发放',
        '困难残疾人生活补贴（DOMAIN.md：disabled subsidies）', 10, date '2021-01-01'),
    ('SEVERE_DISABILITY_NURSING_SUBSIDY', 'DISABLED_PERSONS_FEDERATION', '重度残疾人护理补贴', true, '补贴金额（元）', '按月发放',
        '重度残疾人护理补贴（DOMAIN.md：disability living and nursing subsidies）', 20, date '2021-01-01'),
    ('DISABILITY_CERTIFICATE', 'DISABLED_PERSONS_FEDERATION', '办理残疾证', false, null, null,
        '残疾人证办理（残联常见做法）', 30, date '2021-01-01'),
    ('RESIDENT_TEAM_PAIRING', 'RURAL_REVITALIZATION', '驻村结对帮扶', false, null, null,
        '驻村工作队和帮扶责任人结对帮扶（市实施方案）', 10, date '2021-01-01'),
    ('OTHER_ASSISTANCE', 'RURAL_REVITALIZATION', '其他帮扶措施', false, null, null,
        '目录以外的帮扶，在说明中写明（乡村振兴局）', 90, date '2021-01-01');

-- A measure keeps the code of its type; its name (measure) is the type's label when it was recorded.
-- Measures from before the catalogue whose name is a label of their bureau's type take its code.
alter table measure add column measure_type varchar(60);
update measure m set measure_type = t.code
  from measure_type t where t.bureau = m.bureau and t.label = m.measure;
-- the counts per bureau and type read a period of typed measures
create index measure_typed_applied on measure (applied_on, bureau, measure_type) where measure_type is not null;
