// 任务收件箱: the assignments of a bureau without a service of its own, 50 a page; a typed measure
// (from the bureau's catalogue in force today, the amount only where the type has one) and a closing.
import { html, render } from '../html.js';
import { api, post } from '../api.js';
import { BUREAU_LABELS, STATUS_LABELS, label } from '../labels.js';
import { chinaDay } from '../dates.js';
import { pageOf, pagesAround } from '../paging.js';
import { officerBureau } from '../session.js';
import { redraw, stale } from '../navigation.js';
import { show } from '../messages.js';

export const TASKS_PAGE_SIZE = 50;
/** A bureau's catalogue is a handful of types; one page holds it. */
export const MEASURE_TYPES_PAGE_SIZE = 100;

/** The catalogue's type with this code, or undefined. */
export const typeOf = (types, code) => types.find((t) => t.code === code);

/**
 * The body of a typed measure from the form's values: the type's code, the day, the description when
 * there is one, the amount only when the type requires one (and then a positive number with at most two
 * decimals). Throws an Error with a Chinese message when the form is not complete.
 */
export function measureBody(types, { measureType, amount, description }, appliedOn) {
  const type = typeOf(types, measureType);
  if (!type) throw new Error('请选择帮扶措施类型。');
  const body = { measureType: type.code, appliedOn };
  const text = (description || '').trim();
  if (text) body.description = text;
  if (type.amountRequired) {
    const value = String(amount ?? '').trim();
    if (!/^\d+(\.\d{1,2})?$/.test(value) || Number(value) <= 0) {
      throw new Error('“' + type.label + '”须填写' + type.amountLabel + '，大于0，最多两位小数。');
    }
    body.amount = Number(value);
  }
  return body;
}

const typeOption = (t) => html`<option value="${t.code}">${t.label}${t.cadence ? '（' + t.cadence + '）' : ''}</option>`;

export const taskRow = (t, types = []) => html`<tr data-testid="task"><td><a href="#/household/${t.householdId}">${t.householdId.slice(0, 8)}</a></td>
      <td>${t.divisionCode}</td><td>${t.dueDate} ${t.overdue ? html`<span class="badge overdue">逾期</span>` : ''}</td>
      <td>${label(STATUS_LABELS, t.status)}</td>
      <td>${t.status === 'CLOSED' ? t.outcome || '' : html`<form class="inline task" data-id="${t.id}">
        <select name="measureType" aria-label="帮扶措施类型" required><option value="">请选择帮扶措施</option>${types.map(typeOption)}</select>
        <input name="amount" type="number" min="0.01" step="0.01" aria-label="金额" placeholder="金额（元）" hidden>
        <input name="description" maxlength="2000" placeholder="情况说明（可选）">
        <input name="outcome" maxlength="1000" placeholder="办结情况（可选）">
        <button type="submit">登记</button></form>`}</td></tr>`;

export function tasksPage(bureau, result, page, types = []) {
  const around = pagesAround(page, result.size, result.total);
  const rows = result.items.length ? result.items.map((t) => taskRow(t, types)) : html`<tr><td colspan="5">暂无任务</td></tr>`;
  return html`<section><h2>${label(BUREAU_LABELS, bureau)} · 帮扶任务收件箱</h2>
    ${types.length ? '' : html`<p data-testid="no-measure-types">本部门暂无可用的帮扶措施类型，请联系乡村振兴局维护措施类型目录。</p>`}
    <table data-testid="tasks"><tr><th>农户</th><th>区划</th><th>期限</th><th>状态</th><th>办理</th></tr>
    ${rows}</table>
    <div class="pager"><span data-testid="tasks-total">共 ${result.total} 条</span>
      ${around.previous ? html`<a href="#/tasks?page=${page - 1}" id="prev">上一页</a>` : ''} 第 ${page + 1} 页
      ${around.next ? html`<a href="#/tasks?page=${page + 1}" id="next">下一页</a>` : ''}</div></section>`;
}

/** Shows the amount field, required and named by the type, only for a type that has an amount. */
function fitAmount(form, types) {
  const type = typeOf(types, form.measureType.value);
  const needed = Boolean(type && type.amountRequired);
  form.amount.hidden = !needed;
  form.amount.required = needed;
  form.amount.placeholder = needed ? type.amountLabel : '金额（元）';
  if (!needed) form.amount.value = '';
}

export async function tasksView(view, seq) {
  const bureau = officerBureau();
  const page = pageOf(location.hash);
  const [result, catalogue] = await Promise.all([
    api('/api/monitoring/assignments?' + new URLSearchParams({ bureau, page, size: TASKS_PAGE_SIZE })),
    api('/api/monitoring/measure-types?' + new URLSearchParams({ bureau, asOf: chinaDay(), size: MEASURE_TYPES_PAGE_SIZE }))]);
  if (stale(seq)) return;
  const types = catalogue.items;
  render(view, tasksPage(bureau, result, page, types));
  view.querySelectorAll('form.task').forEach((form) => {
    form.measureType.onchange = () => fitAmount(form, types);
    form.onsubmit = async (e) => {
      e.preventDefault();
      try {
        const body = measureBody(types, { measureType: form.measureType.value, amount: form.amount.value,
          description: form.description.value }, chinaDay());
        const assignment = '/api/monitoring/assignments/' + encodeURIComponent(form.dataset.id);
        await post(assignment + '/measures', body);
        if (form.outcome.value) await post(assignment + '/close', { outcome: form.outcome.value });
        show('已登记。');
        redraw();
      } catch (err) { show(err.message, true); }
    };
  });
}
