// 民政工作台: what waits for the signed-in reviewer or approver, and the queue of cases (status, risk
// type, overdue, search by name or the masked ID's digits, 20 a page).
import { html, render } from '../html.js';
import { api } from '../api.js';
import { RISK_LABELS, STATUS_LABELS, label, riskList } from '../labels.js';
import { chinaDay, dateTime } from '../dates.js';
import { hashQuery, pageOf, pagesAround, shownOf } from '../paging.js';
import { division, hasRole } from '../session.js';
import { stale } from '../navigation.js';
import { applicationCard, bindDecisionForms, grantTable, payoutTable } from './assistance.js';

export const QUEUE_PAGE_SIZE = 20;
const FILTERS = ['status', 'riskType', 'q'];

/** The services' query for the queue from the page's hash: its filters and page. */
export function queueQuery(hash) {
  const params = hashQuery(hash);
  const query = new URLSearchParams({ page: pageOf(hash), size: QUEUE_PAGE_SIZE });
  FILTERS.forEach((k) => params.get(k) && query.set(k, params.get(k)));
  if (params.get('overdue') === 'true') query.set('overdue', 'true');
  return query;
}

/** The hash of the queue for filters ({ status, riskType, q, overdue }) and a page. */
export function queueHash(filters, page) {
  const next = new URLSearchParams();
  FILTERS.forEach((k) => filters[k] && next.set(k, filters[k].trim()));
  if (filters.overdue) next.set('overdue', 'true');
  if (page) next.set('page', page);
  return '#/workbench?' + next;
}

export const queueRow = (c) => html`<tr data-testid="case-row"><td><a href="#/case/${c.caseId}" data-testid="case-link">${c.headName || '（农户信息同步中）'}</a></td>
        <td>${c.divisionCode}</td><td>${riskList(c.riskTypes)}</td>
        <td>${label(STATUS_LABELS, c.status)}</td><td>${c.dueDate}</td><td>${dateTime(c.openedAt)}</td></tr>`;

export function queueSection(result, page) {
  const around = pagesAround(page, result.size, result.total);
  return html`<section>
      <h2>民政工作台 · 救助个案</h2>
      <form class="inline" id="filters">
        <label>状态<select name="status"><option value="">全部</option><option value="OPEN">${STATUS_LABELS.OPEN}</option><option value="CLOSED">${STATUS_LABELS.CLOSED}</option></select></label>
        <label>风险类型<select name="riskType"><option value="">全部</option>${Object.entries(RISK_LABELS).map(([k, v]) => html`<option value="${k}">${v}</option>`)}</select></label>
        <label>搜索（姓名或身份证号后几位）<input name="q" data-testid="search" maxlength="30"></label>
        <label><span><input type="checkbox" name="overdue" value="true"> 只看逾期</span></label>
        <button type="submit" data-testid="search-button">查询</button>
      </form>
      <table data-testid="queue"><tr><th>户主</th><th>区划</th><th>风险</th><th>状态</th><th>办理期限</th><th>收到时间</th></tr>
      ${result.items.length ? result.items.map(queueRow) : html`<tr><td colspan="6">没有符合条件的个案</td></tr>`}</table>
      <div class="pager"><span data-testid="total">共 ${result.total} 件</span>
        ${around.previous ? html`<a href="#" id="prev">上一页</a>` : ''} 第 ${page + 1} 页
        ${around.next ? html`<a href="#" id="next">下一页</a>` : ''}</div>
    </section>`;
}

/** What waits for the signed-in reviewer or approver: applications, benefits due for review, payouts. */
async function awaitingMe() {
  const reviewer = hasRole('civil-affairs-reviewer');
  const approver = hasRole('civil-affairs-approver');
  if (!reviewer && !approver) return null;
  // a township reviewer's own fund; a county reviewer reviews payouts from the case page
  const township = (division() || '').length === 9 ? division() : null;
  const none = { items: [], total: 0 };
  const [submitted, reviewed, grants, payouts] = await Promise.all([
    reviewer ? api('/api/social-assistance/applications?status=SUBMITTED&size=100') : none,
    approver ? api('/api/social-assistance/applications?status=REVIEWED&size=100') : none,
    reviewer ? api('/api/social-assistance/grants?size=100&reviewDueBy=' + chinaDay(30)) : none,
    reviewer && township ? api('/api/social-assistance/reserve-funds/' + encodeURIComponent(township)
      + '/payouts/awaiting-review?size=100').catch(() => none) : none
  ]);
  return { reviewer, approver, applications: submitted.items.concat(reviewed.items),
    applicationsTotal: submitted.total + reviewed.total, grants, payouts, township };
}

export function awaitingSection(a) {
  const steps = [a.reviewer ? '审核' : null, a.approver ? '审批' : null].filter(Boolean).join('、');
  return html`<section data-testid="awaiting-me"><h2>待我${steps}</h2>
    <h3>低保 / 特困申请</h3>
    ${a.applications.length ? a.applications.map((application) => applicationCard(application)) : html`<p class="note">暂无待办申请</p>`}
    ${a.applicationsTotal > a.applications.length ? shownOf({ items: a.applications, total: a.applicationsTotal }, 'applications-total') : ''}
    ${a.reviewer ? html`<h3>30天内到期复核的待遇</h3>${grantTable(a.grants.items)}${a.grants.total ? shownOf(a.grants, 'grants-due-total') : ''}` : ''}
    ${a.reviewer && a.township ? html`<h3>待审核的临时救助支付（${a.township} 乡镇备用金）</h3>${payoutTable(a.township, a.payouts.items)}${a.payouts.total ? shownOf(a.payouts, 'payouts-total') : ''}` : ''}
  </section>`;
}

export async function workbenchView(view, seq) {
  const hash = location.hash;
  const params = hashQuery(hash);
  const page = pageOf(hash);
  const [result, awaiting] = await Promise.all([api('/api/social-assistance/cases?' + queueQuery(hash)), awaitingMe()]);
  if (stale(seq)) return;
  render(view, html`${awaiting ? awaitingSection(awaiting) : ''}
    ${queueSection(result, page)}`);
  const form = view.querySelector('#filters');
  FILTERS.forEach((k) => { if (params.get(k)) form[k].value = params.get(k); });
  form.overdue.checked = params.get('overdue') === 'true';
  const go = (p) => {
    location.hash = queueHash({ status: form.status.value, riskType: form.riskType.value, q: form.q.value,
      overdue: form.overdue.checked }, p);
  };
  form.onsubmit = (e) => { e.preventDefault(); go(0); };
  const prev = view.querySelector('#prev');
  const next = view.querySelector('#next');
  if (prev) prev.onclick = (e) => { e.preventDefault(); go(page - 1); };
  if (next) next.onclick = (e) => { e.preventDefault(); go(page + 1); };
  bindDecisionForms(view);
}
