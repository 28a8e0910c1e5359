// The views' markup from the services' answers, without a browser: what the user reads, and that no
// answer's text becomes a tag or a handler.
import test from 'node:test';
import assert from 'node:assert/strict';
import { setClaims } from '../../main/resources/static/js/session.js';
import { queueHash, queueQuery, queueRow, queueSection, awaitingSection } from '../../main/resources/static/js/views/workbench.js';
import { measureBody, taskRow, tasksPage, typeOf } from '../../main/resources/static/js/views/tasks.js';
import { applicationCard, applicationSteps, payoutTable } from '../../main/resources/static/js/views/assistance.js';
import { canApply, casePage } from '../../main/resources/static/js/views/case.js';
import { householdPage } from '../../main/resources/static/js/views/household.js';
import { dashboardPage } from '../../main/resources/static/js/views/dashboard.js';
import { publicPage } from '../../main/resources/static/js/views/public.js';
import { timelineList } from '../../main/resources/static/js/views/timeline.js';
import { menuLinks, whoIs } from '../../main/resources/static/js/views/chrome.js';
import { HOSTILE, attributeOf, cells, handlers, tagNames, textOf } from './support/markup.js';

const EVIL = HOSTILE.tag;
/** The tags the console's own markup uses; anything else came from data. */
const OURS = new Set(['section', 'h2', 'h3', 'h4', 'p', 'span', 'b', 'a', 'div', 'table', 'tr', 'th', 'td', 'form',
  'label', 'select', 'option', 'input', 'button', 'ol', 'li', 'time']);

function assertOnlyOurMarkup(fragment) {
  const markup = String(fragment);
  assert.deepEqual(tagNames(markup).filter((t) => !OURS.has(t)), [], 'tags from data');
  assert.deepEqual(handlers(markup), [], 'handlers from data');
  return markup;
}

const as = (user, ...roles) => setClaims({ sub: user, preferred_username: user, realm_access: { roles }, division: '210422100' });

const queueCase = (fields = {}) => ({ caseId: 'c-1', headName: '张三', divisionCode: '210422100201',
  riskTypes: ['ILLNESS', 'DISABILITY'], status: 'OPEN', dueDate: '2026-12-15', openedAt: '2026-12-01T23:30:00Z', ...fields });

test('shouldBuildAQueueRowInChineseWhenACaseIsOpen', () => {
  const markup = assertOnlyOurMarkup(queueRow(queueCase()));
  assert.equal(attributeOf(markup, 'data-testid="case-link"', 'href'), '#/case/c-1');
  assert.deepEqual(cells(markup), ['张三', '210422100201', '因病、因残', '办理中', '2026-12-15', '2026/12/2 07:30:00']);
});

test('shouldSayTheHouseholdIsStillComingWhenTheQueueHasNoNameYet', () => {
  assert.match(textOf(queueRow(queueCase({ headName: null }))), /（农户信息同步中）/);
});

test('shouldKeepHostileTextTextWhenAQueueRowShowsIt', () => {
  const markup = assertOnlyOurMarkup(queueRow(queueCase({ headName: EVIL, divisionCode: HOSTILE.script,
    caseId: HOSTILE.doubleQuote, riskTypes: [HOSTILE.singleQuote], status: HOSTILE.backtick })));
  assert.match(markup, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.equal(attributeOf(markup, 'data-testid="case-link"', 'href'), '#/case/&quot; onmouseover=&quot;alert(1)');
  assert.deepEqual(cells(markup).slice(0, 4), [EVIL, HOSTILE.script, HOSTILE.singleQuote, HOSTILE.backtick]);
});

test('shouldPageTheQueueAndSayWhenNothingMatches', () => {
  const empty = assertOnlyOurMarkup(queueSection({ items: [], total: 0, size: 20 }, 0));
  assert.match(textOf(empty), /没有符合条件的个案/);
  assert.match(empty, /data-testid="total">共 0 件</);
  assert.doesNotMatch(empty, /id="prev"|id="next"/);
  const middle = queueSection({ items: [queueCase()], total: 61, size: 20 }, 1);
  assert.match(String(middle), /id="prev"/);
  assert.match(String(middle), /id="next"/);
  assert.match(textOf(middle), /第 2 页/);
  assert.equal((String(middle).match(/<option value="[A-Z_]+">/g) || []).length, 2 + 12, 'statuses and the 12 risk types');
});

test('shouldCarryTheQueuesFiltersBetweenTheHashAndTheService', () => {
  const hash = queueHash({ status: 'OPEN', riskType: '', q: ' 张三 ', overdue: true }, 2);
  assert.equal(hash, '#/workbench?status=OPEN&q=%E5%BC%A0%E4%B8%89&overdue=true&page=2');
  assert.equal(queueQuery(hash).toString(), 'page=2&size=20&status=OPEN&q=%E5%BC%A0%E4%B8%89&overdue=true');
  assert.equal(queueQuery('#/workbench').toString(), 'page=0&size=20');
  assert.equal(queueHash({ status: '', riskType: '', q: '', overdue: false }, 0), '#/workbench?');
});

test('shouldOfferTheMeasureFormUntilATaskIsClosed', () => {
  const open = assertOnlyOurMarkup(taskRow({ id: 't-1', householdId: '0123456789ab', divisionCode: '210422',
    dueDate: '2026-12-01', overdue: true, status: 'ASSIGNED' }));
  assert.match(open, /<form class="inline task" data-id="t-1">/);
  assert.deepEqual(cells(open).slice(0, 4), ['01234567', '210422', '2026-12-01 逾期', '已派发']);
  assert.match(open, /<span class="badge overdue">逾期<\/span>/);
  assert.match(textOf(open), /已派发/);
  const closed = assertOnlyOurMarkup(taskRow({ id: 't-2', householdId: '0123456789ab', divisionCode: '210422',
    dueDate: '2026-12-01', overdue: false, status: 'CLOSED', outcome: EVIL }));
  assert.doesNotMatch(closed, /<form/);
  assert.ok(textOf(closed).includes(EVIL));
});

test('shouldTitleTheInboxWithTheBureauAndPageIt', () => {
  const page = assertOnlyOurMarkup(tasksPage('HEALTH', { items: [], total: 120, size: 50 }, 1));
  assert.match(page, /<h2>卫健委 · 帮扶任务收件箱<\/h2>/);
  assert.match(page, /href="#\/tasks\?page=0" id="prev"/);
  assert.match(page, /href="#\/tasks\?page=2" id="next"/);
  assert.match(page, /data-testid="tasks-total">共 120 条</);
  assert.match(textOf(page), /暂无任务/);
});

const HEALTH_TYPES = [
  { code: 'FAMILY_DOCTOR', bureau: 'HEALTH', label: '家庭医生签约', amountRequired: false, amountLabel: null, cadence: null },
  { code: 'CHRONIC_FOLLOW_UP', bureau: 'HEALTH', label: '慢病随访', amountRequired: false, amountLabel: null, cadence: '每季度一次' }];
const AID = { code: 'STUDENT_AID', bureau: 'EDUCATION', label: '教育资助', amountRequired: true, amountLabel: '资助金额（元）', cadence: null };

test('shouldOfferTheBureausMeasureTypesWithTheAmountHiddenUntilATypeNeedsIt', () => {
  const open = assertOnlyOurMarkup(taskRow({ id: 't-1', householdId: '0123456789ab', divisionCode: '210422',
    dueDate: '2026-12-01', overdue: false, status: 'ASSIGNED' }, HEALTH_TYPES));
  assert.deepEqual([...open.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]),
    [['', '请选择帮扶措施'], ['FAMILY_DOCTOR', '家庭医生签约'], ['CHRONIC_FOLLOW_UP', '慢病随访（每季度一次）']]);
  assert.match(open, /<select name="measureType"[^>]*required>/);
  assert.match(open, /<input name="amount"[^>]* hidden>/);
  assert.match(open, /<input name="description"/);
  assert.doesNotMatch(open, /name="measure"/, 'no free-text measure any more');
  const hostile = assertOnlyOurMarkup(taskRow({ id: 't-1', householdId: '0123456789ab', divisionCode: '210422',
    dueDate: '2026-12-01', overdue: false, status: 'ASSIGNED' }, [{ code: HOSTILE.doubleQuote, label: EVIL, cadence: HOSTILE.script }]));
  assert.ok(textOf(hostile).includes(EVIL));
});

test('shouldSayWhenTheBureauHasNoMeasureTypes', () => {
  assert.match(textOf(tasksPage('WATER', { items: [], total: 0, size: 50 }, 0, [])), /暂无可用的帮扶措施类型/);
  assert.doesNotMatch(textOf(tasksPage('HEALTH', { items: [], total: 0, size: 50 }, 0, HEALTH_TYPES)), /暂无可用的帮扶措施类型/);
});

test('shouldSendTheTypeAndAnAmountOnlyWhenTheTypeHasOne', () => {
  const types = [...HEALTH_TYPES, AID];
  assert.equal(typeOf(types, 'STUDENT_AID'), AID);
  assert.equal(typeOf(types, 'NOPE'), undefined);
  assert.deepEqual(measureBody(types, { measureType: 'FAMILY_DOCTOR', amount: '', description: '  ' }, '2026-12-02'),
    { measureType: 'FAMILY_DOCTOR', appliedOn: '2026-12-02' });
  // an amount left in a hidden field never goes with a type that has none
  assert.deepEqual(measureBody(types, { measureType: 'FAMILY_DOCTOR', amount: '300', description: ' 已签约 ' }, '2026-12-02'),
    { measureType: 'FAMILY_DOCTOR', appliedOn: '2026-12-02', description: '已签约' });
  assert.deepEqual(measureBody(types, { measureType: 'STUDENT_AID', amount: '625.5', description: '' }, '2026-12-02'),
    { measureType: 'STUDENT_AID', appliedOn: '2026-12-02', amount: 625.5 });
  for (const amount of ['', '0', '0.00', '-5', '1.234', 'abc', undefined]) {
    assert.throws(() => measureBody(types, { measureType: 'STUDENT_AID', amount, description: '' }, '2026-12-02'),
      /“教育资助”须填写资助金额（元）/, String(amount));
  }
  assert.throws(() => measureBody(types, { measureType: '', amount: '', description: '' }, '2026-12-02'), /请选择帮扶措施类型/);
});

const application = (fields = {}) => ({ id: 'a-1', caseId: 'c-1', programme: 'DIBAO', status: 'SUBMITTED',
  submittedBy: 'op', submittedAt: '2026-12-01T02:00:00Z', ...fields });

test('shouldGiveEachUserOnlyTheirOwnStepWhenAnApplicationMoves', () => {
  // the reviewer who did not submit it reviews it; the submitter who is also a reviewer may not
  assert.deepEqual(applicationSteps(application(), 'rev', true, false), { canReview: true, canDecide: false, ownStep: false });
  assert.deepEqual(applicationSteps(application(), 'op', true, false), { canReview: false, canDecide: false, ownStep: true });
  const reviewed = application({ status: 'REVIEWED', reviewedBy: 'rev' });
  assert.deepEqual(applicationSteps(reviewed, 'app', false, true), { canReview: false, canDecide: true, ownStep: false });
  assert.deepEqual(applicationSteps(reviewed, 'rev', true, true), { canReview: false, canDecide: false, ownStep: true });
  assert.deepEqual(applicationSteps(reviewed, 'op', false, true), { canReview: false, canDecide: false, ownStep: true });
  assert.deepEqual(applicationSteps(application({ status: 'GRANTED' }), 'app', true, true),
    { canReview: false, canDecide: false, ownStep: false });
});

test('shouldShowAnApplicationsStepsAndTheReviewFormToAReviewer', () => {
  as('rev', 'civil-affairs-reviewer');
  const card = assertOnlyOurMarkup(applicationCard(application({ reviewOpinion: EVIL }), false));
  assert.match(card, /data-testid="application-status">待审核</);
  assert.match(card, /<form class="inline app-review" data-id="a-1">/);
  assert.match(card, /href="#\/case\/c-1" data-testid="application-case"/);
  assert.doesNotMatch(String(applicationCard(application(), true)), /application-case/);
  assert.ok(textOf(card).includes('审核意见：' + EVIL));
  assert.match(textOf(card), /低保申请/);
  assert.match(textOf(card), /受理：op（2026\/12\/1 10:00:00）/);
});

test('shouldShowWhoDecidedAndTheAmountWhenAnApplicationIsGranted', () => {
  as('op', 'civil-affairs-operator');
  const card = assertOnlyOurMarkup(applicationCard(application({ status: 'GRANTED', programme: 'TEKUN',
    reviewedBy: 'rev', reviewRecommends: true, decidedBy: HOSTILE.doubleQuote, decidedOn: '2026-12-03',
    determination: { monthlyAmount: 1234.5, explanation: '月保障金 = 监测线 − 收入' } })));
  assert.match(card, /data-testid="monthly-amount">1,234.50</);
  assert.match(card, /data-testid="reviewed-by">rev</);
  assert.ok(textOf(card).includes('审批：' + HOSTILE.doubleQuote + '（2026-12-03）'));
  assert.match(textOf(card), /特困供养申请/);
  assert.doesNotMatch(card, /<form/);
});

test('shouldLetAReviewerReviewOnlyPayoutsSomeoneElseRecorded', () => {
  as('rev', 'civil-affairs-reviewer');
  const table = assertOnlyOurMarkup(payoutTable('210422100', [
    { id: 'p-1', recordedAt: '2026-12-01T02:00:00Z', amount: 500, status: 'PENDING', reason: EVIL, recordedBy: 'op' },
    { id: 'p-2', recordedAt: '2026-12-01T02:00:00Z', amount: 800, status: 'DONE', greenChannel: true, reason: '火灾', recordedBy: 'rev' }
  ]));
  assert.match(table, /<form class="inline payout-review" data-township="210422100" data-id="p-1">/);
  assert.doesNotMatch(table, /data-id="p-2"/);
  assert.match(textOf(table), /本人经办，须由其他审核员审核/);
  assert.match(textOf(table), /待审核，审核同意后支付/);
  assert.match(textOf(table), /绿色通道，已先行支付/);
  as('op', 'civil-affairs-operator');
  assert.doesNotMatch(String(payoutTable('210422100', [{ id: 'p-1', amount: 1, status: 'PENDING', recordedBy: 'x' }])), /<form/);
});

test('shouldListWhatWaitsForAReviewerWithHowManyThereAre', () => {
  as('rev', 'civil-affairs-reviewer');
  const section = assertOnlyOurMarkup(awaitingSection({ reviewer: true, approver: false, township: '210422100',
    applications: [application()], applicationsTotal: 101, grants: { items: [], total: 0 }, payouts: { items: [], total: 0 } }));
  assert.match(section, /<h2>待我审核<\/h2>/);
  assert.match(section, /data-testid="applications-total">共 101 件，此处显示前 1 件</);
  assert.match(textOf(section), /暂无到期复核的待遇/);
  assert.match(textOf(section), /待审核的临时救助支付（210422100 乡镇备用金）/);
  assert.doesNotMatch(section, /<h2>待我审核、审批<\/h2>/);
});

test('shouldOfferAReviewOfEveryBenefitDueWhenTheReviewerHasSome', () => {
  as('rev', 'civil-affairs-reviewer');
  const grants = { items: [
    { id: 'g-1', programme: 'DIBAO', divisionCode: '210422100201', monthlyAmount: 456.7, nextReview: '2026-12-20', reviewReason: EVIL },
    { id: 'g-2', programme: 'TEKUN', divisionCode: HOSTILE.script, monthlyAmount: 900, nextReview: '2026-12-31', reviewReason: null }
  ], total: 2 };
  const section = assertOnlyOurMarkup(awaitingSection({ reviewer: true, approver: true, township: null,
    applications: [], applicationsTotal: 0, grants, payouts: { items: [], total: 0 } }));
  assert.match(section, /<h2>待我审核、审批<\/h2>/);
  assert.match(textOf(section), /暂无待办申请/);
  assert.deepEqual((section.match(/<form class="inline grant-review" data-id="g-\d">/g) || []).length, 2);
  assert.match(section, /data-testid="grants-due-total">共 2 件</);
  assert.doesNotMatch(section, /临时救助/, 'a county reviewer reviews payouts from the case page');
  const rows = section.split('data-testid="grant-due"').slice(1).map((row) => cells(row).slice(0, 5));
  assert.deepEqual(rows, [['低保', '210422100201', '456.70', '2026-12-20', '成员减少'],
    ['特困供养', HOSTILE.script, '900.00', '2026-12-31', '定期复核']]);
});

const caseDetail = (fields = {}) => ({ householdId: 'h-1', status: 'OPEN', riskTypes: ['ILLNESS'], dueDate: '2026-12-15',
  divisionCode: '210422100201', explanation: EVIL, household: { headName: HOSTILE.script, members: [
    { personId: 'p-1', name: HOSTILE.singleQuote, maskedIdNumber: '2104**********123X', relationship: '户主', labourCapacity: 'PARTIAL', status: 'PRESENT' },
    { personId: 'p-2', name: '李四', maskedIdNumber: '2104**********1234', relationship: '配偶', labourCapacity: 'NONE', status: 'LEFT', leftOn: '2026-05-01' }
  ] }, ...fields });

test('shouldOfferTheOperatorAnApplicationForTheMembersStillInTheHousehold', () => {
  const page = assertOnlyOurMarkup(casePage({ detail: caseDetail(), applications: [], timeline: [], township: '210422100',
    fund: { balance: 10000 }, payouts: [], operator: true }));
  assert.match(page, /<form id="apply">/);
  assert.equal((page.match(/name="capacity-\d+"/g) || []).length, 1, 'the member who left is not on the application');
  assert.match(page, /<option value="PARTIAL" selected>部分丧失<\/option>/);
  assert.match(textOf(page), /已减少（2026-05-01）/);
  assert.match(page, /data-testid="fund-balance">10,000.00 元</);
  assert.match(page, /<form class="inline" id="payout">/);
  assert.match(page, /data-testid="close-submit"/);
  assert.ok(textOf(page).includes(HOSTILE.script));
});

test('shouldOfferNoApplicationWhileOneIsUnderWayOrToSomeoneWhoIsNotTheOperator', () => {
  assert.equal(canApply(caseDetail(), [application({ status: 'REJECTED' })]), true);
  assert.equal(canApply(caseDetail(), [application({ status: 'REVIEWED' })]), false);
  assert.equal(canApply(caseDetail({ status: 'CLOSED' }), []), false);
  as('rev', 'civil-affairs-reviewer');
  const page = String(casePage({ detail: caseDetail(), applications: [], timeline: [], township: '210422100',
    fund: null, payouts: [], operator: false }));
  assert.doesNotMatch(page, /id="apply"|id="payout"|id="close"/);
  assert.match(page, /尚未设立/);
  const closed = String(casePage({ detail: caseDetail({ status: 'CLOSED', outcome: '已纳入农村低保' }), applications: [],
    timeline: [], township: '210422100', fund: null, payouts: [], operator: true }));
  assert.match(closed, /<h3>办结情况<\/h3><p>已纳入农村低保<\/p>/);
  assert.match(closed, /data-testid="case-status">已办结</);
});

test('shouldShowTheHouseholdsCategoryInChineseAndTheRevealButtonOnlyWhenAllowed', () => {
  const household = { headName: EVIL, divisionCode: '210422100201', category: 'UNSTABLE_OUT_OF_POVERTY', members: [
    { id: 'm-1', name: '张三', maskedIdNumber: '2104**********123X', relationship: '户主', status: 'PRESENT' }] };
  const page = assertOnlyOurMarkup(householdPage(household, [], true));
  assert.match(textOf(page), /脱贫不稳定户/);
  assert.match(page, /data-testid="id-m-1"/);
  assert.match(page, /<button class="secondary reveal" data-member="m-1">/);
  assert.doesNotMatch(String(householdPage(household, [], false)), /reveal/);
  assert.match(textOf(householdPage(null, [], false)), /暂无动态/);
});

test('shouldShowTheDashboardsFiguresWithTheirTestIdsAndDrillDownOnlyAboveVillages', () => {
  const board = { area: EVIL, funnel: { identified: 12, warned: 9, assisted: 7, eliminated: 3, daysToWarn: 1.5, daysToAssist: null },
    byArea: [{ code: '210422', name: '新宾县', households: 1200, monitored: 40, eliminated: 3 },
      { code: '210422100201', name: HOSTILE.doubleQuote, households: 10, monitored: 2, eliminated: 0 }],
    byCategory: [{ category: 'MARGINAL', label: '边缘易致贫户', households: 5, monitored: 5 }],
    alertsPerMonth: [{ month: '2026-11', alerts: 4 }], riskTypes: [{ riskType: 'ILLNESS', label: '因病', alerts: 4 }] };
  const league = [{ bureau: 'HEALTH', county: '210422', total: 3, open: 1, closedOnTime: 1, closedLate: 1, overdueOpen: 1, escalated: 0, onTimeRate: 0.5 }];
  const parameters = [{ name: 'monitoring.line', scope: '*', effectiveFrom: '2021-01-01', value: 6600 },
    { name: 'monitoring.line', scope: '210422', effectiveFrom: '2021-01-01', value: 7000 }];
  const page = assertOnlyOurMarkup(dashboardPage({ board, league, parameters, feed: null, month: '2026-11', area: '210422' }));
  assert.match(page, /data-testid="monitored-total">42</);
  assert.match(page, /data-testid="area-210422-monitored">40</);
  assert.match(page, /<a href="#\/dashboard\?area=210422">新宾县<\/a>/);
  assert.doesNotMatch(page, /area=210422100201/);
  assert.match(page, /data-testid="league-HEALTH-210422-overdue">1</);
  assert.match(textOf(page), /卫健委/);
  assert.match(textOf(page), /50\.0%/);
  assert.match(page, /data-testid="line-2021">6,600.00</);
  assert.equal((page.match(/data-testid="line-/g) || []).length, 1, 'the city-wide line only');
  assert.match(page, /医保结算数据报送（2026-11）/);
  assert.match(textOf(page), /暂无报送数据/);
  assert.match(page, /data-testid="days-assist">—</);
  assert.match(page, /<a href="#\/dashboard">返回上级<\/a>/);
  const feed = String(dashboardPage({ board, league: [], parameters, month: '2026-11', area: null,
    feed: { deadline: '2026-12-10', counties: [{ county: '210422', name: '新宾县', onTime: 1, late: 0, state: 'MISSING' }] } }));
  assert.match(feed, /data-testid="feed-210422">未报送</);
  assert.match(textOf(feed), /暂无帮扶任务/);
});

test('shouldShowEveryBureausMonthOnTheGridWithTheLateAndMissingCountiesInChinese', () => {
  const board = { area: '抚顺市', funnel: { identified: 0, warned: 0, assisted: 0, eliminated: 0 }, byArea: [], byCategory: [],
    alertsPerMonth: [], riskTypes: [] };
  const grid = { months: ['2026-11', '2026-10'], total: 9, page: 0, size: 50, items: [
    { bureau: 'CIVIL_AFFAIRS', label: '民政局', cells: [
      { month: '2026-11', deadline: '2026-12-05', state: 'NOT_DUE', late: [], missing: [] },
      { month: '2026-10', deadline: '2026-11-05', state: 'MISSED', late: ['210421'], missing: ['210423', EVIL] }] },
    { bureau: 'HEALTH', label: '卫健委', cells: [
      { month: '2026-11', deadline: '2026-12-05', state: 'SOMETHING_NEW', late: [], missing: [] },
      { month: '2026-10', deadline: '2026-11-05', state: 'NONE_REPORTED', late: [], missing: [] }] }] };
  const page = assertOnlyOurMarkup(dashboardPage({ board, league: [], parameters: [], feed: null, month: '2026-11', area: null, grid }));
  assert.match(page, /<h3>各部门月度报送情况<\/h3>/);
  assert.match(page, /<th>2026-11<\/th><th>2026-10<\/th>/);
  assert.match(page, /data-testid="feed-grid-CIVIL_AFFAIRS-2026-11"[^>]*>未到截止日</);
  assert.match(textOf(page), /逾期或缺报逾期：抚顺县缺报：清原满族自治县、/);
  assert.match(page, /data-testid="feed-grid-HEALTH-2026-10"[^>]*>未报逾期</);
  assert.match(page, /data-testid="feed-grid-HEALTH-2026-11"[^>]*>SOMETHING_NEW</);
  assert.match(textOf(page), /共 9 个部门/);
  assert.match(textOf(String(dashboardPage({ board, league: [], parameters: [], feed: null, month: '2026-11', area: null }))),
    /各部门月度报送情况\s*暂无报送数据/);
});

test('shouldHideSmallPublicCountsWhenTheServiceSuppressesThem', () => {
  const page = assertOnlyOurMarkup(publicPage([{ code: '210403', name: '东洲区', monitored: 5, suppressed: false },
    { code: '210404', name: EVIL, monitored: null, suppressed: true }]));
  assert.match(page, /data-testid="public-210403">5</);
  assert.match(page, /data-testid="public-210404">少于5户</);
});

test('shouldListTheTimelineInChinaTime', () => {
  const list = assertOnlyOurMarkup(timelineList([{ occurredAt: '2026-12-01T23:30:00Z', summary: EVIL }]));
  assert.equal(list, '<ol class="timeline" data-testid="timeline"><li><time>2026/12/2 07:30:00</time>&lt;img src=x onerror=alert(1)&gt;</li></ol>');
});

test('shouldMarkTheActivePageAndShowWhoIsSignedIn', () => {
  as('city-analyst', 'analyst');
  const links = String(menuLinks('#/dashboard?area=210422').join(''));
  assert.equal(links, '<a href="#/dashboard" class="active">驾驶舱</a><a href="#/report" class="">年度报告</a>'
    + '<a href="#/public" class="">公开数据</a>');
  setClaims({ preferred_username: EVIL, realm_access: { roles: ['analyst'] }, division: '210400' });
  const who = assertOnlyOurMarkup(whoIs({ preferred_username: EVIL }));
  assert.equal(textOf(who), EVIL + '（乡村振兴局分析员 · 210400）');
});
