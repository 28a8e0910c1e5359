// The console's Chinese names for the platform's codes, in one place. Risk types, bureaus and household
// categories repeat the labels of the Java enums in fushun.contracts (RiskType, Bureau, HouseholdCategory);
// LabelsTest fails when the two drift apart. A code without a label is shown as it is.

export const ROLE_LABELS = Object.freeze({
  'analyst': '乡村振兴局分析员', 'county-approver': '县级审批人', 'township-reviewer': '乡镇审核员',
  'village-cadre': '村级监测员', 'civil-affairs-operator': '民政经办人', 'civil-affairs-reviewer': '乡镇民政审核员',
  'civil-affairs-approver': '县民政局审批人', 'medical-insurance-officer': '医保经办人',
  'education-officer': '教育局经办人', 'health-officer': '卫健委经办人', 'water-officer': '水务局经办人',
  'agriculture-officer': '农业农村局经办人', 'disabled-federation-officer': '残联经办人', 'admin': '平台管理员'
});

export const BUREAU_LABELS = Object.freeze({
  RURAL_REVITALIZATION: '乡村振兴局', CIVIL_AFFAIRS: '民政局', MEDICAL_INSURANCE: '医保局', HOUSING: '住建局',
  HUMAN_RESOURCES: '人社局', EDUCATION: '教育局', HEALTH: '卫健委', WATER: '水务局', AGRICULTURE: '农业农村局',
  DISABLED_PERSONS_FEDERATION: '残联'
});

export const RISK_LABELS = Object.freeze({
  ILLNESS: '因病', DISABILITY: '因残', SCHOOLING: '因学', DISASTER: '因灾', ACCIDENT: '因意外事故',
  FAILED_BUSINESS: '因产业项目失败', UNSTABLE_EMPLOYMENT: '因务工就业不稳', LACK_OF_LABOUR: '缺劳动力',
  UNSAFE_HOUSING: '住房出现安全问题', SCHOOL_DROPOUT: '义务教育阶段辍学', DRINKING_WATER: '饮水安全问题', OTHER: '其他'
});

export const CATEGORY_LABELS = Object.freeze({
  OUT_OF_POVERTY: '脱贫户', UNSTABLE_OUT_OF_POVERTY: '脱贫不稳定户', MARGINAL: '边缘易致贫户',
  SUDDEN_SEVERE_DIFFICULTY: '突发严重困难户', ORDINARY: '一般农户'
});

export const CAPACITY_LABELS = Object.freeze({ FULL: '有劳动能力', PARTIAL: '部分丧失', NONE: '无劳动能力' });

/** Cases, applications, assignments and grants: their codes do not overlap. */
export const STATUS_LABELS = Object.freeze({
  OPEN: '办理中', CLOSED: '已办结', SUBMITTED: '待审核', REVIEWED: '待审批', GRANTED: '已批准', REJECTED: '不予批准',
  ASSIGNED: '已派发', ACKNOWLEDGED: '已签收', MEASURE_APPLIED: '已落实措施', ACTIVE: '发放中', STOPPED: '已停发'
});

export const PAYOUT_LABELS = Object.freeze({ PENDING: '待审核，审核同意后支付', DONE: '已支付', REFUSED: '不予支付' });

export const PROGRAMME_LABELS = Object.freeze({ DIBAO: '低保', TEKUN: '特困供养' });

/** Medical insurance's settlement feed per county and month. */
export const FEED_STATE_LABELS = Object.freeze({
  ON_TIME: '按时报送', LATE: '逾期报送', MISSING: '未报送', PENDING: '未到截止日'
});

/** A department feed's import (monitoring's department_feed_import.status). */
export const FEED_IMPORT_STATUS_LABELS = Object.freeze({ RUNNING: '导入中', DONE: '已完成', FAILED: '导入失败' });

/** A bureau's month on the dashboard's grid (FeedGrid.State). */
export const FEED_GRID_LABELS = Object.freeze({
  MISSED: '逾期或缺报', ON_TIME: '按时报送', NONE_REPORTED: '未报逾期', NOT_DUE: '未到截止日'
});

/** Fushun's county-level divisions. */
export const COUNTY_LABELS = Object.freeze({
  '210402': '新抚区', '210403': '东洲区', '210404': '望花区', '210411': '顺城区', '210421': '抚顺县',
  '210422': '新宾满族自治县', '210423': '清原满族自治县'
});

/** The label of a code, or the code itself when it has none (a newer service may send codes this page does not know). */
export const label = (labels, code) => (Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code);

/** Risk types as one line: 因病、因残. */
export const riskList = (riskTypes) => (riskTypes || []).map((r) => label(RISK_LABELS, r)).join('、');

/** A member still in the household, or the day they left it. */
export const memberStatus = (member) => (member.status === 'LEFT' ? '已减少（' + (member.leftOn ?? '') + '）' : '在户');
