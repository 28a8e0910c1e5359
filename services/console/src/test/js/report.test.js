// 年度报告's markup from the console's answers, without a browser.
import test from 'node:test';
import assert from 'node:assert/strict';
import { countySection, reportPage, reportState, reportYear, statusTable } from '../../main/resources/static/js/views/report.js';
import { HOSTILE, cells, handlers, tagNames, textOf } from './support/markup.js';

const OURS = new Set(['section', 'h2', 'h3', 'h4', 'p', 'span', 'a', 'div', 'table', 'tr', 'th', 'td', 'form', 'label', 'br',
  'textarea', 'button', 'img']);

function ours(fragment) {
  const markup = String(fragment);
  assert.deepEqual(tagNames(markup).filter((t) => !OURS.has(t)), [], 'tags from data');
  assert.deepEqual(handlers(markup), [], 'handlers from data');
  return markup;
}

const status = (fields = {}) => ({ county: '210422', name: '新宾满族自治县', year: 2026, latestVersion: 2, drafted: true,
  submitted: false, submittedBy: null, submittedAt: null, draftDate: '2026-12-01', deadline: '2026-12-10', late: false, ...fields });

test('shouldTakeTheYearFromTheHashAndElseThisYearInChina', () => {
  const newYearsEveUtc = new Date('2026-12-31T17:00:00Z');
  assert.equal(reportYear('#/report?year=2024', newYearsEveUtc), 2024);
  assert.equal(reportYear('#/report', newYearsEveUtc), 2027);
  assert.equal(reportYear('#/report?year=2019', newYearsEveUtc), 2027);
  assert.equal(reportYear('#/report?year=abc', new Date('2026-06-01T00:00:00Z')), 2026);
});

test('shouldSayWhereEachCountysReportStandsAndWhoIsLate', () => {
  assert.equal(reportState(status({ drafted: false, latestVersion: null })), '未起草');
  assert.equal(reportState(status()), '草稿（第 2 版）');
  const markup = ours(statusTable({ items: [
    status({ submitted: true, submittedBy: 'xinbin-approver', submittedAt: '2026-12-08T02:00:00Z' }),
    status({ county: '210423', name: '清原满族自治县', late: true })], total: 2 }, 2026));
  assert.deepEqual(cells(markup), ['新宾满族自治县', '已报送', 'xinbin-approver', '2026/12/8 10:00:00', '2026-12-10', '',
    '清原满族自治县', '草稿（第 2 版）', '', '', '2026-12-10', '逾期']);
  assert.match(textOf(markup), /共 2 个县区，逾期 1 个/);
});

test('shouldOfferTheNarrativeAndSubmissionOnlyToTheCountysApproverUntilSubmitted', () => {
  const current = { problems: HOSTILE.script, nextYear: HOSTILE.tag };
  const editable = ours(countySection(status(), current, true));
  assert.match(editable, /id="narrative"/);
  assert.match(editable, /id="submit-report"/);
  assert.ok(editable.includes('&lt;/td&gt;&lt;script&gt;'), 'the narrative stays text');
  assert.doesNotMatch(ours(countySection(status(), current, false)), /id="narrative"|id="submit-report"/);
  const submitted = ours(countySection(status({ submitted: true, submittedBy: 'xinbin-approver', submittedAt: '2026-12-08T02:00:00Z' }),
    current, true));
  assert.doesNotMatch(submitted, /id="narrative"|id="submit-report"/);
  assert.match(textOf(submitted), /已于 2026\/12\/8 10:00:00 由 xinbin-approver 报送，报送的版本不能修改/);
  assert.match(submitted, /data-download="docx"/);
  assert.match(ours(countySection(status({ drafted: false }), null, true)), /id="draft-report"/);
});

test('shouldOfferTheCitysReportToTheCityOnly', () => {
  const page = { items: [status()], total: 1 };
  assert.match(ours(reportPage({ year: 2026, statuses: page, county: null, city: true })), /data-city="docx"/);
  assert.doesNotMatch(ours(reportPage({ year: 2026, statuses: page, county: null, city: false })), /data-city/);
});
