// 任务收件箱: the assignments of a bureau without a service of its own, 50 a page; a measure and a closing.
import { html, render } from '../html.js';
import { api, post } from '../api.js';
import { BUREAU_LABELS, STATUS_LABELS, label } from '../labels.js';
import { chinaDay } from '../dates.js';
import { pageOf, pagesAround } from '../paging.js';
import { officerBureau } from '../session.js';
import { redraw, stale } from '../navigation.js';
import { show } from '../messages.js';

export const TASKS_PAGE_SIZE = 50;

export const taskRow = (t) => html`<tr data-testid="task"><td><a href="#/household/${t.householdId}">${t.householdId.slice(0, 8)}</a></td>
      <td>${t.divisionCode}</td><td>${t.dueDate} ${t.overdue ? html`<span class="badge overdue">逾期</span>` : ''}</td>
      <td>${label(STATUS_LABELS, t.status)}</td>
      <td>${t.status === 'CLOSED' ? t.outcome || '' : html`<form class="inline task" data-id="${t.id}">
        <input name="measure" placeholder="帮扶措施" required><input name="outcome" placeholder="办结情况（可选）">
        <button type="submit">登记</button></form>`}</td></tr>`;

export function tasksPage(bureau, result, page) {
  const around = pagesAround(page, result.size, result.total);
  const rows = result.items.length ? result.items.map(taskRow) : html`<tr><td colspan="5">暂无任务</td></tr>`;
  return html`<section><h2>${label(BUREAU_LABELS, bureau)} · 帮扶任务收件箱</h2>
    <table data-testid="tasks"><tr><th>农户</th><th>区划</th><th>期限</th><th>状态</th><th>办理</th></tr>
    ${rows}</table>
    <div class="pager"><span data-testid="tasks-total">共 ${result.total} 条</span>
      ${around.previous ? html`<a href="#/tasks?page=${page - 1}" id="prev">上一页</a>` : ''} 第 ${page + 1} 页
      ${around.next ? html`<a href="#/tasks?page=${page + 1}" id="next">下一页</a>` : ''}</div></section>`;
}

export async function tasksView(view, seq) {
  const bureau = officerBureau();
  const page = pageOf(location.hash);
  const result = await api('/api/monitoring/assignments?' + new URLSearchParams({ bureau, page, size: TASKS_PAGE_SIZE }));
  if (stale(seq)) return;
  render(view, tasksPage(bureau, result, page));
  view.querySelectorAll('form.task').forEach((form) => form.onsubmit = async (e) => {
    e.preventDefault();
    try {
      const assignment = '/api/monitoring/assignments/' + encodeURIComponent(form.dataset.id);
      await post(assignment + '/measures', { measure: form.measure.value, appliedOn: chinaDay() });
      if (form.outcome.value) await post(assignment + '/close', { outcome: form.outcome.value });
      show('已登记。');
      redraw();
    } catch (err) { show(err.message, true); }
  });
}
