// 部门数据报送 without a browser: which kinds an officer may send, what an upload sends, how an import
// and its row errors read, and that no answer's text becomes a tag or a handler.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  FEEDS, errorsList, feedUpload, feedsPage, formDataOf, importFigures, importTable, kindsOf, problemNote, rowErrorText
} from '../../main/resources/static/js/views/feeds.js';
import { HOSTILE, attributeOf, handlers, tagNames, textOf } from './support/markup.js';

const OURS = new Set(['section', 'h2', 'h3', 'p', 'span', 'div', 'table', 'tr', 'th', 'td', 'form', 'label',
  'select', 'option', 'input', 'button', 'ol', 'li']);

function assertOnlyOurMarkup(fragment) {
  const markup = String(fragment);
  assert.deepEqual(tagNames(markup).filter((t) => !OURS.has(t)), [], 'tags from data');
  assert.deepEqual(handlers(markup), [], 'handlers from data');
  return markup;
}

const ROSTER = { code: 'EDUCATION_PUPIL_ROSTER', effectiveFrom: '2021-01-01', bureau: 'EDUCATION', label: '学生花名册',
  riskType: 'SCHOOL_DROPOUT', idColumn: '身份证号', valueColumn: '在校状态', allowedValues: ['在校', '未在校'],
  condition: 'VALUE_IN', conditionValues: ['未在校'], ageFrom: 6, ageTo: 15, finding: '义务教育阶段适龄儿童未在校' };
const CENSUS = { ...ROSTER, code: 'WATER_CENSUS', bureau: 'WATER', label: '农村饮水安全普查', riskType: 'DRINKING_WATER',
  idColumn: '户主身份证号', valueColumn: '饮水安全', ageFrom: null, ageTo: null };
const KINDS = { items: [CENSUS, ROSTER], page: 0, size: 100, total: 2 };
const TODAY = '2026-12-02';
const file = (name, size = 10) => ({ name, size });

const IMPORT = { id: '7d4c2a9e-0000-4000-8000-000000000001', kind: 'EDUCATION_PUPIL_ROSTER', kindVersion: '2021-01-01',
  bureau: 'EDUCATION', fileName: '新宾县学生花名册.xlsx', format: 'XLSX', asOf: '2026-09-01', status: 'DONE', totalRows: 12500,
  processedRows: 12500, rejectedRows: 3, errorsNotStored: 0, findings: 2, signals: 2, alertsRaised: 1, identifications: 1,
  alreadyMonitored: 0, excluded: 0, submittedAt: '2026-12-02T01:00:00Z', finishedAt: '2026-12-02T01:00:04Z', failure: null };

test('shouldOfferAnOfficerOnlyTheKindsOfTheirBureauWhenSeveralAreInForce', () => {
  assert.deepEqual(kindsOf(KINDS, 'EDUCATION').map((k) => k.code), ['EDUCATION_PUPIL_ROSTER']);
  assert.deepEqual(kindsOf(KINDS, 'WATER').map((k) => k.code), ['WATER_CENSUS']);
  assert.deepEqual(kindsOf(KINDS, 'HEALTH'), []);
  assert.deepEqual(kindsOf(undefined, 'WATER'), []);
});

test('shouldSendTheFileAndTheDateToTheKindsAddressWhenTheFormIsComplete', () => {
  const roster = file('花名册.xlsx');
  const sending = feedUpload([ROSTER], { kind: 'EDUCATION_PUPIL_ROSTER', asOf: ' 2026-09-01 ', file: roster }, TODAY);
  assert.equal(sending.path, FEEDS + '/EDUCATION_PUPIL_ROSTER');
  assert.equal(sending.path, '/api/monitoring/department-feeds/EDUCATION_PUPIL_ROSTER');
  assert.deepEqual(sending.fields, [['file', roster], ['asOf', '2026-09-01']]);
  assert.equal(feedUpload([CENSUS], { kind: 'WATER_CENSUS', asOf: TODAY, file: file('普查.CSV') }, TODAY).fields[1][1], TODAY);
});

test('shouldRefuseInChineseWhenTheFormIsNotComplete', () => {
  const good = { kind: 'EDUCATION_PUPIL_ROSTER', asOf: '2026-09-01', file: file('a.xlsx') };
  const refused = (values) => assert.throws(() => feedUpload([ROSTER], { ...good, ...values }, TODAY));
  assert.throws(() => feedUpload([ROSTER], { ...good, kind: '' }, TODAY), /请选择数据类型/);
  assert.throws(() => feedUpload([ROSTER], { ...good, kind: 'WATER_CENSUS' }, TODAY), /请选择数据类型/);
  assert.throws(() => feedUpload([ROSTER], { ...good, asOf: '' }, TODAY), /请填写数据日期/);
  assert.throws(() => feedUpload([ROSTER], { ...good, asOf: '2026-02-30' }, TODAY), /请填写数据日期/);
  assert.throws(() => feedUpload([ROSTER], { ...good, asOf: '2026-13-01' }, TODAY), /请填写数据日期/);
  assert.throws(() => feedUpload([ROSTER], { ...good, asOf: '2026-12-03' }, TODAY), /2021-01-01至2026-12-02之间/);
  assert.throws(() => feedUpload([ROSTER], { ...good, asOf: '2020-12-31' }, TODAY), /之间/);
  assert.throws(() => feedUpload([ROSTER], { ...good, file: undefined }, TODAY), /请选择要上传的文件/);
  assert.throws(() => feedUpload([ROSTER], { ...good, file: file('a.xls') }, TODAY), /\.xlsx 或 \.csv/);
  assert.throws(() => feedUpload([ROSTER], { ...good, file: file('a.xlsx', 0) }, TODAY), /文件为空/);
  refused({ file: file('xlsx') });
  assert.doesNotThrow(() => feedUpload([ROSTER], { ...good, asOf: '2021-01-01' }, TODAY));
});

test('shouldBuildTheMultipartBodyWithTheFileUnderItsOwnName', async () => {
  const roster = new File(['身份证号,在校状态\n'], '花名册.csv', { type: 'text/csv' });
  const data = formDataOf([['file', roster], ['asOf', '2026-09-01']]);
  assert.ok(data instanceof FormData);
  assert.equal(data.get('asOf'), '2026-09-01');
  assert.equal(data.get('file').name, '花名册.csv');
  assert.equal(await data.get('file').text(), '身份证号,在校状态\n');
  assert.deepEqual([...data.keys()], ['file', 'asOf']);
});

test('shouldDescribeAnImportsCountsInChineseWhenItWasNew', () => {
  const figures = Object.fromEntries(importFigures(IMPORT, false));
  assert.equal(figures['导入结果'], '已导入');
  assert.equal(figures['状态'], '已完成');
  assert.equal(figures['读取行数'], '12,500');
  assert.equal(figures['被拒的行'], '3');
  assert.equal(figures['符合条件的行'], '2');
  assert.equal(figures['已预警'], '1');
  assert.equal(figures['进入认定程序'], '1');
  assert.equal(figures['已在监测中，不重复预警'], '0');
  assert.equal(figures['未保存的行错误'], undefined);
  assert.equal(figures['失败原因'], undefined);
});

test('shouldSayTheFileWasSentBeforeWhenTheServiceAnsweredWithTheFirstImport', () => {
  const figures = Object.fromEntries(importFigures({ ...IMPORT, alreadyMonitored: 2, alertsRaised: 0 }, true));
  assert.match(figures['导入结果'], /同一文件此前已导入，本次未作任何改动/);
  assert.equal(figures['已在监测中，不重复预警'], '2');
  assert.equal(figures['已预警'], '0');
});

test('shouldTellErrorsNotKeptAndAFailureWhenAnImportHasThem', () => {
  const figures = Object.fromEntries(importFigures({ ...IMPORT, status: 'FAILED', errorsNotStored: 1200,
    failure: '服务重启，导入中断，请重新上传' }, false));
  assert.equal(figures['状态'], '导入失败');
  assert.equal(figures['未保存的行错误'], '1,200');
  assert.equal(figures['失败原因'], '服务重启，导入中断，请重新上传');
  assert.equal(Object.fromEntries(importFigures({ ...IMPORT, status: 'PAUSED' }, false))['状态'], 'PAUSED');
});

test('shouldReadARowErrorAsItsRowColumnAndReason', () => {
  assert.equal(rowErrorText({ row: 3, column: '身份证号', reason: '身份证号校验位不符' }), '第 3 行（身份证号）：身份证号校验位不符');
  assert.equal(rowErrorText({ row: 7, column: null, reason: '登记册中没有此人' }), '第 7 行：登记册中没有此人');
});

test('shouldOfferTheFormWithItsTestIdsAndTodayWhenTheBureauHasAKind', () => {
  const page = assertOnlyOurMarkup(feedsPage('EDUCATION', [ROSTER], TODAY));
  for (const id of ['feed-form', 'feed-kind', 'feed-date', 'feed-file', 'feed-submit', 'feed-result', 'feed-errors']) {
    assert.match(page, new RegExp('data-testid="' + id + '"'), id);
  }
  assert.match(textOf(page), /教育局 · 部门数据报送/);
  assert.equal(attributeOf(page, 'data-testid="feed-date"', 'value'), TODAY);
  assert.equal(attributeOf(page, 'data-testid="feed-date"', 'max'), TODAY);
  assert.equal(attributeOf(page, 'data-testid="feed-file"', 'accept'), '.xlsx,.csv');
  assert.match(page, /<option value="EDUCATION_PUPIL_ROSTER">学生花名册（身份证号、在校状态）<\/option>/);
  assert.doesNotMatch(page, /请选择数据类型/, 'one kind is chosen already');
  assert.match(String(feedsPage('EDUCATION', [ROSTER, { ...ROSTER, code: 'EDUCATION_AID' }], TODAY)), /<option value="">请选择数据类型/);
});

test('shouldSayThereIsNothingToSendWhenTheBureauHasNoKindInForce', () => {
  const page = assertOnlyOurMarkup(feedsPage('HEALTH', [], TODAY));
  assert.match(textOf(page), /卫健委 · 部门数据报送/);
  assert.match(page, /data-testid="no-feed-kinds"/);
  assert.doesNotMatch(page, /feed-form/);
});

test('shouldListRowErrorsWithTheTotalAndThePagesAround', () => {
  const errors = { items: [{ row: 2, column: '身份证号', reason: '身份证号无效' }, { row: 5, column: '在校状态', reason: '应为在校或未在校' }],
    page: 1, size: 2, total: 5 };
  const list = assertOnlyOurMarkup(errorsList(errors, 1));
  assert.deepEqual([...list.matchAll(/<li data-testid="feed-error">([^<]*)<\/li>/g)].map((m) => m[1]),
    ['第 2 行（身份证号）：身份证号无效', '第 5 行（在校状态）：应为在校或未在校']);
  assert.match(list, /data-testid="feed-errors-total">共 5 条</);
  assert.equal(attributeOf(list, 'data-testid="feed-errors-prev"', 'data-page'), '0');
  assert.equal(attributeOf(list, 'data-testid="feed-errors-next"', 'data-page'), '2');
  const last = String(errorsList({ ...errors, page: 2 }, 2));
  assert.doesNotMatch(last, /feed-errors-next/);
  assert.match(textOf(errorsList({ items: [], page: 0, size: 50, total: 0 }, 0)), /没有被拒的行/);
});

test('shouldKeepServerTextAsTextWhenItHoldsMarkup', () => {
  for (const evil of Object.values(HOSTILE)) {
    const kind = { ...ROSTER, code: evil, label: evil, idColumn: evil, valueColumn: evil };
    assertOnlyOurMarkup(feedsPage('EDUCATION', [kind], TODAY));
    const table = assertOnlyOurMarkup(importTable({ ...IMPORT, fileName: evil, asOf: evil, status: evil, failure: evil }, false));
    assert.ok(textOf(table).includes(evil));
    const list = assertOnlyOurMarkup(errorsList({ items: [{ row: 2, column: evil, reason: evil }], page: 0, size: 50, total: 1 }, 0));
    assert.ok(textOf(list).includes(evil));
    assert.ok(textOf(assertOnlyOurMarkup(problemNote(evil))).includes(evil));
  }
});
