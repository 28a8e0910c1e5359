// 公开数据: monitored households per county, for anyone; counts under 5 are not shown.
import { html, render } from '../html.js';
import { api } from '../api.js';
import { num } from '../numbers.js';
import { stale } from '../navigation.js';

export const publicRow = (r) => html`<tr><td>${r.name}</td><td class="num" data-testid="public-${r.code}">${r.suppressed ? '少于5户' : num(r.monitored)}</td></tr>`;

export const publicPage = (rows) => html`<section><h2>公开数据 · 各县区在监测户数</h2>
    <table data-testid="public-summary"><tr><th>县区</th><th class="num">在监测户数</th></tr>
    ${rows.map(publicRow)}</table>
    <p class="note">为保护个人信息，少于5户的数字不予显示。</p></section>`;

export async function publicView(view, seq) {
  const rows = await api('/api/console/public/summary');
  if (stale(seq)) return;
  render(view, publicPage(rows));
}
