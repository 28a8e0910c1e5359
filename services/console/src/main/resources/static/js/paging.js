// Paged lists ({ items, total, page, size } from the services) and the pages' own place in the hash.
import { html } from './html.js';

/** The query of a hash route (#/workbench?page=2&q=…) as URLSearchParams. */
export const hashQuery = (hash) => new URLSearchParams((hash || '').split('?')[1] || '');

/** The page number in a hash route, from 0; anything that is not a page number is the first page. */
export function pageOf(hash) {
  const page = Number(hashQuery(hash).get('page') || 0);
  return Number.isInteger(page) && page > 0 ? page : 0;
}

/** Whether there is a page before and after page (from 0) of a list of total items, size a page. */
export const pagesAround = (page, size, total) => ({ previous: page > 0, next: (page + 1) * size < total });

/** "共 N 件", and how many of them the list shows when there are more than one page holds. */
export function shownOf(list, testid) {
  const more = list.total > list.items.length ? '，此处显示前 ' + list.items.length + ' 件' : '';
  return html`<p class="note" data-testid="${testid}">共 ${list.total} 件${more}</p>`;
}
