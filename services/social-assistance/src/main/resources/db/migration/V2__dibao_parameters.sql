-- Dibao (最低生活保障) policy numbers, effective-dated and per county. The amounts below are
-- ILLUSTRATIVE demo values, not the counties' published standards: the civil affairs bureau sets
-- the real ones through the parameters API (admin, audited).
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('dibao.rural-standard.monthly', '*', date '2021-01-01', 460.00, 'CNY/person/month', '示例值：农村低保标准（待民政局核定）'),
    ('dibao.rural-standard.monthly', '*', date '2024-01-01', 520.00, 'CNY/person/month', '示例值：农村低保标准（待民政局核定）'),
    ('dibao.deduction-cap.illness', '*', date '2021-01-01', 6000.00, 'CNY/household/year', '示例值：因病刚性支出扣减上限'),
    ('dibao.deduction-cap.schooling', '*', date '2021-01-01', 3000.00, 'CNY/household/year', '示例值：因学刚性支出扣减上限'),
    ('dibao.deduction-cap.employment', '*', date '2021-01-01', 2000.00, 'CNY/household/year', '示例值：就业必要成本扣减上限'),
    ('dibao.review-months', '*', date '2021-01-01', 12, 'months', '示例值：低保复核周期'),
    ('dibao.review-months.out-of-poverty', '*', date '2021-01-01', 24, 'months', '示例值：脱贫户低保复核周期（可适当延长，§2(2)3）');
