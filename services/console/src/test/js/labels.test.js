import test from 'node:test';
import assert from 'node:assert/strict';
import {
  BUREAU_LABELS, CAPACITY_LABELS, CATEGORY_LABELS, COUNTY_LABELS, FEED_GRID_LABELS, FEED_STATE_LABELS, PAYOUT_LABELS, PROGRAMME_LABELS, RISK_LABELS,
  ROLE_LABELS, STATUS_LABELS, label, memberStatus, riskList
} from '../../main/resources/static/js/labels.js';

test('shouldNameEveryRiskTypeInChineseWhenTheQueueListsThem', () => {
  assert.equal(Object.keys(RISK_LABELS).length, 12);
  assert.equal(riskList(['ILLNESS', 'DISABILITY', 'UNSTABLE_EMPLOYMENT']), '因病、因残、因务工就业不稳');
  assert.equal(riskList([]), '');
  assert.equal(riskList(undefined), '');
});

test('shouldShowTheCodeWhenItHasNoLabel', () => {
  assert.equal(label(STATUS_LABELS, 'SUBMITTED'), '待审核');
  assert.equal(label(STATUS_LABELS, 'SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(riskList(['ILLNESS', 'NEW_RISK']), '因病、NEW_RISK');
  assert.equal(label(BUREAU_LABELS, 'HEALTH'), '卫健委');
  assert.equal(label(CATEGORY_LABELS, 'MARGINAL'), '边缘易致贫户');
});

test('shouldNotTakeAnInheritedPropertyForALabel', () => {
  assert.equal(label(STATUS_LABELS, 'toString'), 'toString');
  assert.equal(label(STATUS_LABELS, '__proto__'), '__proto__');
});

test('shouldKeepTheLabelsFixedWhenAViewTriesToChangeThem', () => {
  for (const labels of [ROLE_LABELS, BUREAU_LABELS, RISK_LABELS, CATEGORY_LABELS, CAPACITY_LABELS, STATUS_LABELS,
    PAYOUT_LABELS, PROGRAMME_LABELS, FEED_STATE_LABELS, FEED_GRID_LABELS, COUNTY_LABELS]) {
    assert.ok(Object.isFrozen(labels));
    assert.ok(Object.values(labels).every((text) => typeof text === 'string' && text.length > 0));
  }
});

test('shouldNameTheStepsTheBrowserTestReadsWhenAnApplicationMoves', () => {
  assert.deepEqual(['SUBMITTED', 'REVIEWED', 'GRANTED', 'CLOSED'].map((s) => STATUS_LABELS[s]),
    ['待审核', '待审批', '已批准', '已办结']);
  assert.equal(ROLE_LABELS['analyst'], '乡村振兴局分析员');
});

test('shouldShowWhenAMemberLeftWhenTheyAreNoLongerInTheHousehold', () => {
  assert.equal(memberStatus({ status: 'PRESENT' }), '在户');
  assert.equal(memberStatus({ status: 'LEFT', leftOn: '2026-03-01' }), '已减少（2026-03-01）');
});
