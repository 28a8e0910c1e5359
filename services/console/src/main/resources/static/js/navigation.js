// Routes (#/page/id?query) and the order of navigations.

let seq = 0;
let router = () => {};

/** #/case/42?x=1 → { page: 'case', id: '42' }. */
export function parseRoute(hash) {
  const [, page, id] = (hash || '').split('?')[0].split('/');
  return { page, id };
}

/**
 * Each navigation gets a number; a view whose data arrives after a newer navigation started does not
 * draw (an older, slower answer must not overwrite the page the user asked for last).
 */
export const navigationStarted = () => ++seq;
export const stale = (number) => number !== seq;

/** The router, registered by the entry point: views call redraw() after a change instead of importing it. */
export const setRouter = (route) => { router = route; };
export const redraw = () => router();
