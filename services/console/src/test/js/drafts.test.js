import test from 'node:test';
import assert from 'node:assert/strict';
import { applyFields, changedFields, formKey } from '../../main/resources/static/js/drafts.js';

/** A form as the DOM offers it, enough for the drafts: its elements, by name too. */
function form(fields, attributes = {}) {
  const elements = fields;
  elements.namedItem = (name) => fields.find((f) => f.name === name) || null;
  return { elements, id: '', className: '', dataset: {}, ...attributes };
}
const input = (name, value, defaultValue = '') => ({ name, type: 'text', tagName: 'INPUT', value, defaultValue });
const box = (name, checked, defaultChecked = false) => ({ name, type: 'checkbox', tagName: 'INPUT', checked, defaultChecked });
const select = (name, value, defaultValue) => ({ name, type: 'select-one', tagName: 'SELECT', value,
  options: [{ value: defaultValue, selected: value === defaultValue, defaultSelected: true },
    { value: 'other', selected: value === 'other', defaultSelected: false }] });

test('shouldKeepOnlyWhatTheUserChangedWhenTheSessionEnds', () => {
  const apply = form([input('totalIncome', '1800', '0'), input('basicPension', '0', '0'), box('covered-0', true),
    box('child-0', false), select('programme', 'other', 'DIBAO'), select('capacity-0', 'NONE', 'NONE'),
    { type: 'submit', tagName: 'BUTTON', value: '', defaultValue: '' }]);
  assert.deepEqual(changedFields(apply), { totalIncome: '1800', 'covered-0': true, programme: 'other' });
});

test('shouldPutTheDraftBackAndCountOnlyWhatItChanged', () => {
  const close = form([input('outcome', '', ''), box('greenChannel', false)]);
  assert.equal(applyFields(close, { outcome: '已纳入农村低保', greenChannel: false, gone: 'x' }), 1);
  assert.equal(close.elements[0].value, '已纳入农村低保');
  assert.equal(applyFields(close, { greenChannel: true }), 1);
  assert.equal(close.elements[1].checked, true);
  assert.equal(applyFields(close, undefined), 0);
});

test('shouldLeaveAChosenFileOutWhenTheSessionEnds', () => {
  const upload = form([input('asOf', '2026-09-01', '2026-12-02'),
    { name: 'file', type: 'file', tagName: 'INPUT', value: 'C:\\fakepath\\花名册.xlsx', defaultValue: '' }]);
  assert.deepEqual(changedFields(upload), { asOf: '2026-09-01' });
  const again = form([{ name: 'file', type: 'file', tagName: 'INPUT', value: '', defaultValue: '' }]);
  assert.equal(applyFields(again, { file: 'C:\\fakepath\\花名册.xlsx' }), 0);
  assert.equal(again.elements[0].value, '');
});

test('shouldNameAFormByItsIdOrByItsClassAndWhatItIsAbout', () => {
  assert.equal(formKey(form([], { id: 'close' })), 'close');
  assert.equal(formKey(form([], { className: 'inline app-review', dataset: { id: 'a-1' } })), 'inline app-review:a-1');
  assert.equal(formKey(form([], { className: 'inline' })), 'inline:');
});
