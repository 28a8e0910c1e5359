import test from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, isHtml, render, safeUrl } from '../../main/resources/static/js/html.js';
import { HOSTILE, handlers, hostileValues, tagNames, textOf } from './support/markup.js';

test('shouldEscapeTheCharactersThatEndTextOrAQuotedAttributeWhenTheyAreInAValue', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
});

test('shouldEscapeAValueInTextWhenItIsMarkup', () => {
  const markup = String(html`<td>${HOSTILE.tag}</td>`);
  assert.equal(markup, '<td>&lt;img src=x onerror=alert(1)&gt;</td>');
  assert.deepEqual(tagNames(markup), ['td']);
  assert.equal(textOf(markup), HOSTILE.tag);
});

test('shouldKeepEveryHostileValueTextInTextAndInQuotedAttributes', () => {
  for (const value of hostileValues()) {
    const markup = String(html`<p class="note" data-id="${value}" title='${value}'>${value}</p>`);
    assert.deepEqual(tagNames(markup), ['p'], value);
    assert.deepEqual(handlers(markup), [], value);
    assert.equal(textOf(markup), value, value);
  }
});

test('shouldNotDecodeEntitiesAValueAlreadyHolds', () => {
  assert.equal(String(html`<b>${HOSTILE.entity}</b>`), '<b>&amp;lt;b&amp;gt;</b>');
});

test('shouldTakeFragmentsMadeByHtmlAsMarkupAndListsOfThemInOrder', () => {
  const rows = ['甲', '<乙>'].map((name) => html`<li>${name}</li>`);
  assert.equal(String(html`<ol>${rows}</ol>`), '<ol><li>甲</li><li>&lt;乙&gt;</li></ol>');
  assert.equal(String(html`<p>${['<b>', html`<b>粗</b>`]}</p>`), '<p>&lt;b&gt;<b>粗</b></p>');
});

test('shouldTrustNoStringAndNoLookAlikeOfAFragment', () => {
  const lookAlike = { toString: () => '<img src=x onerror=alert(1)>' };
  assert.equal(String(html`<p>${lookAlike}</p>`), '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  const copied = Object.create(Object.getPrototypeOf(html`<b></b>`));
  assert.equal(isHtml(copied), false);
  assert.throws(() => html(['<img src=x onerror=alert(1)>']), TypeError);
  assert.throws(() => html('<b>'), TypeError);
});

test('shouldShowNothingForNullUndefinedAndFalseButShowZero', () => {
  assert.equal(String(html`<p>${null}${undefined}${false}${0}</p>`), '<p>0</p>');
});

test('shouldRefuseAValueWhereEscapingIsNotEnough', () => {
  assert.throws(() => html`<a href=${'x onclick=alert(1)'}>x</a>`, /unquoted attribute/);
  assert.throws(() => html`<button onclick="go(${'1'})">x</button>`, /onclick/);
  assert.throws(() => html`<p style="color: ${'red'}">x</p>`, /style/);
  assert.throws(() => html`<${'script'}>x</script>`, /tag name/);
  assert.throws(() => html`<!-- ${'--><script>'} -->`, /comment/);
  assert.throws(() => html`<p title="${html`<b>x</b>`}">x</p>`, /markup or a list inside a tag/);
  assert.throws(() => html`<p title="x>`, /close its tags/);
});

test('shouldTakeOnlyABareAttributeNameBetweenAttributes', () => {
  assert.equal(String(html`<option value="A" ${true ? 'selected' : ''}>A</option>`), '<option value="A" selected>A</option>');
  assert.equal(String(html`<option value="A" ${false ? 'selected' : ''}>A</option>`), '<option value="A" >A</option>');
  assert.throws(() => html`<option ${'x onmouseover=alert(1)'}>A</option>`, /attribute name/);
  assert.throws(() => html`<option ${'onfocus'}>A</option>`, /attribute name/);
});

test('shouldRefuseAScriptAddressAtTheStartOfALinkButKeepPagesAndWebAddresses', () => {
  for (const evil of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'vbscript:x']) {
    assert.equal(safeUrl(evil), false, evil);
    assert.throws(() => html`<a href="${evil}">x</a>`, /web address/, evil);
  }
  assert.throws(() => html`<a href="${''}${'javascript:alert(1)'}">x</a>`, /web address/);
  for (const good of ['#/case/1', '/api/x', 'https://sso.example/auth?x=1', 'case/1', '?page=2']) {
    assert.equal(safeUrl(good), true, good);
  }
  // a value after fixed text cannot change the address's scheme: it stays a path on the console
  assert.equal(String(html`<a href="#/case/${'javascript:alert(1)'}">x</a>`), '<a href="#/case/javascript:alert(1)">x</a>');
  assert.equal(String(html`<a href="#/household/${'" onclick="alert(1)'}">x</a>`),
    '<a href="#/household/&quot; onclick=&quot;alert(1)">x</a>');
});

test('shouldRenderOnlyFragmentsIntoAnElement', () => {
  const element = { innerHTML: '' };
  render(element, html`<p>${HOSTILE.tag}</p>`);
  assert.equal(element.innerHTML, '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  assert.throws(() => render(element, '<img src=x onerror=alert(1)>'), TypeError);
  assert.equal(element.innerHTML, '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
});
