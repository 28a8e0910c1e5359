// A household's timeline across bureaus (the console's read model), newest as the services listed them.
import { html } from '../html.js';
import { dateTime } from '../dates.js';

export function timelineList(lines) {
  if (!lines.length) return html`<p class="note">暂无动态</p>`;
  return html`<ol class="timeline" data-testid="timeline">${lines.map((l) =>
    html`<li><time>${dateTime(l.occurredAt)}</time>${l.summary}</li>`)}</ol>`;
}
