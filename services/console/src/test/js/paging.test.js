import test from 'node:test';
import assert from 'node:assert/strict';
import { hashQuery, pageOf, pagesAround, shownOf } from '../../main/resources/static/js/paging.js';
import { num, percent, yuan } from '../../main/resources/static/js/numbers.js';

test('shouldReadThePageFromTheHashWhenThereIsOne', () => {
  assert.equal(pageOf('#/tasks?page=2'), 2);
  assert.equal(pageOf('#/workbench?status=OPEN&page=1&q=%E5%BC%A0'), 1);
  assert.equal(hashQuery('#/workbench?status=OPEN&page=1&q=%E5%BC%A0').get('q'), '张');
});

test('shouldBeOnTheFirstPageWhenTheHashHasNoPageOrNotANumber', () => {
  for (const hash of ['#/tasks', '', undefined, '#/tasks?page=', '#/tasks?page=x', '#/tasks?page=-1', '#/tasks?page=1.5']) {
    assert.equal(pageOf(hash), 0, String(hash));
  }
});

test('shouldOfferTheNextPageOnlyWhenThereAreMoreItems', () => {
  assert.deepEqual(pagesAround(0, 20, 0), { previous: false, next: false });
  assert.deepEqual(pagesAround(0, 20, 20), { previous: false, next: false });
  assert.deepEqual(pagesAround(0, 20, 21), { previous: false, next: true });
  assert.deepEqual(pagesAround(1, 20, 40), { previous: true, next: false });
  assert.deepEqual(pagesAround(1, 50, 101), { previous: true, next: true });
});

test('shouldSayHowManyTheListShowsWhenThereAreMoreThanOnePage', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);
  assert.equal(String(shownOf({ items, total: 130 }, 'grants-due-total')),
    '<p class="note" data-testid="grants-due-total">共 130 件，此处显示前 100 件</p>');
  assert.equal(String(shownOf({ items: [1, 2], total: 2 }, 'payouts-total')),
    '<p class="note" data-testid="payouts-total">共 2 件</p>');
});

test('shouldGroupFiguresAndShowADashWhenThereIsNone', () => {
  assert.equal(num(1234567), '1,234,567');
  assert.equal(num(0), '0');
  assert.equal(num(null), '—');
  assert.equal(yuan(6600), '6,600.00');
  assert.equal(yuan('1200.5'), '1,200.50');
  assert.equal(yuan(undefined), '—');
  assert.equal(percent(0.875), '87.5%');
  assert.equal(percent(0), '0.0%');
  assert.equal(percent(null), '—');
});
