import test from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultRoute, division, hasRole, me, menu, officerBureau, roleNames, setClaims
} from '../../main/resources/static/js/session.js';

const as = (roles, extra = {}) => setClaims({ preferred_username: 'someone', realm_access: { roles }, ...extra });

test('shouldOfferOnlyThePublicPageWhenNobodyIsSignedIn', () => {
  setClaims(null);
  assert.deepEqual(menu(), [['#/public', '公开数据']]);
  assert.equal(defaultRoute(), '#/public');
  assert.equal(hasRole('analyst'), false);
  assert.equal(me(), null);
});

test('shouldLandAnAnalystOnTheDashboard', () => {
  as(['analyst']);
  assert.deepEqual(menu().map(([hash]) => hash), ['#/dashboard', '#/report', '#/public']);
  assert.equal(defaultRoute(), '#/dashboard');
  assert.equal(roleNames(), '乡村振兴局分析员');
});

test('shouldLandCivilAffairsOnTheWorkbench', () => {
  for (const role of ['civil-affairs-operator', 'civil-affairs-reviewer', 'civil-affairs-approver']) {
    as([role]);
    assert.equal(defaultRoute(), '#/workbench', role);
  }
});

test('shouldLandAnOfficerOfABureauWithoutAServiceOnTheirInbox', () => {
  as(['health-officer', 'offline_access']);
  assert.equal(officerBureau(), 'HEALTH');
  assert.deepEqual(menu(), [['#/tasks', '任务收件箱'], ['#/feeds', '部门数据报送'], ['#/public', '公开数据']]);
  assert.equal(roleNames(), '卫健委经办人');
  as(['medical-insurance-officer']);
  assert.equal(officerBureau(), undefined);
  assert.equal(defaultRoute(), '#/public');
});

test('shouldShowEveryPageAUserHasARoleFor', () => {
  as(['township-reviewer', 'civil-affairs-reviewer', 'water-officer']);
  assert.deepEqual(menu().map(([hash]) => hash), ['#/dashboard', '#/workbench', '#/tasks', '#/feeds', '#/public']);
});

test('shouldTakeTheFirstDivisionWhenTheTokenCarriesAList', () => {
  as(['analyst'], { division: ['210422100', '210423'] });
  assert.equal(division(), '210422100');
  as(['analyst'], { division: '210400' });
  assert.equal(division(), '210400');
});
