// 救助个案: a civil-affairs case with its household's members, its dibao / 特困 applications, temporary
// aid from the township's reserve fund, closing, and the household's timeline. The operator applies,
// pays and closes; reviewers and approvers get their own step's form on the applications and payouts.
import { html, render } from '../html.js';
import { api, post } from '../api.js';
import { CAPACITY_LABELS, STATUS_LABELS, label, memberStatus, riskList } from '../labels.js';
import { yuan } from '../numbers.js';
import { hasRole } from '../session.js';
import { redraw, stale } from '../navigation.js';
import { show } from '../messages.js';
import { applicationCard, bindDecisionForms, payoutTable } from './assistance.js';
import { timelineList } from './timeline.js';

/** A new application may be taken while the case is open and none is under way or granted. */
export const canApply = (detail, applications) => detail.status === 'OPEN'
  && !applications.some((a) => ['SUBMITTED', 'REVIEWED', 'GRANTED'].includes(a.status));

// members who died or moved away stay on the page for history; a new application names only those still in the household
export const membersInHousehold = (everyone) => everyone.filter((m) => m.status !== 'LEFT');

export const memberRow = (m) => html`<tr><td>${m.name}</td><td data-testid="masked-id">${m.maskedIdNumber}</td><td>${m.relationship}</td>
        <td>${label(CAPACITY_LABELS, m.labourCapacity)}</td>
        <td>${memberStatus(m)}</td></tr>`;

const capacityOptions = (selected) => Object.entries(CAPACITY_LABELS).map(([k, v]) =>
  html`<option value="${k}" ${selected === k ? 'selected' : ''}>${v}</option>`);

function applyForm(members) {
  return html`
      <form id="apply">
        <p><label>救助项目<select name="programme" data-testid="programme"><option value="DIBAO">低保（全户）</option><option value="TEKUN">特困供养（一人）</option></select></label></p>
        <table><tr><th>成员</th><th>劳动能力</th><th>本人年收入（元）</th><th>其中基础养老金</th><th>未满16周岁</th><th>保障对象</th></tr>
        ${members.map((m, i) => html`<tr><td>${m.name}</td>
          <td><select name="capacity-${i}">${capacityOptions(m.labourCapacity)}</select></td>
          <td><input name="income-${i}" type="number" min="0" step="0.01" value="0" data-testid="member-income"></td>
          <td><input name="pension-${i}" type="number" min="0" step="0.01" value="0"></td>
          <td><input name="child-${i}" type="checkbox"></td><td><input name="covered-${i}" type="checkbox"></td></tr>`)}</table>
        <p class="note">低保不勾选保障对象即为全户；只勾选部分成员为单人保。特困须勾选一人。</p>
        <div class="form inline">
          <label>家庭年收入<input name="totalIncome" type="number" min="0" step="0.01" value="0" data-testid="total-income"></label>
          <label>其中基础养老金<input name="basicPension" type="number" min="0" step="0.01" value="0"></label>
          <label>因病支出<input name="illnessSpending" type="number" min="0" step="0.01" value="0" data-testid="illness"></label>
          <label>因学支出<input name="schoolingSpending" type="number" min="0" step="0.01" value="0"></label>
          <label>就业成本<input name="employmentCosts" type="number" min="0" step="0.01" value="0"></label>
        </div>
        <p><button type="submit" data-testid="apply-submit">受理申请</button></p>
      </form>`;
}

const payoutForm = () => html`<form class="inline" id="payout">
        <label>金额（元）<input name="amount" type="number" min="0.01" step="0.01" required data-testid="payout-amount"></label>
        <label>事由<input name="reason" required size="30" data-testid="payout-reason"></label>
        <label><span><input type="checkbox" name="greenChannel"> 绿色通道（先救助后审核）</span></label>
        <button type="submit" data-testid="payout-submit">提交支付</button></form>
        <p class="note">绿色通道立即支付、事后由乡镇审核员审核；其他支付经乡镇审核员审核同意后支付。</p>`;

function closing(detail, operator) {
  if (detail.status !== 'OPEN') return html`<section><h3>办结情况</h3><p>${detail.outcome || ''}</p></section>`;
  return operator ? html`<section><h3>办结</h3><form class="inline" id="close">
      <label>办结情况<input name="outcome" size="50" required data-testid="close-outcome"></label>
      <button type="submit" data-testid="close-submit">办结个案</button></form></section>` : '';
}

export function casePage({ detail, applications, timeline, township, fund, payouts, operator }) {
  const everyone = (detail.household && detail.household.members) || [];
  return html`
    <section>
      <h2>救助个案 · <span data-testid="case-head">${detail.household ? detail.household.headName : ''}</span>
        <span class="badge" data-testid="case-status">${label(STATUS_LABELS, detail.status)}</span></h2>
      <p>${riskList(detail.riskTypes)} · 办理期限 ${detail.dueDate} · 区划 ${detail.divisionCode}</p>
      <p class="note">${detail.explanation}</p>
      <table data-testid="members"><tr><th>姓名</th><th>身份证号</th><th>关系</th><th>劳动能力</th><th>状态</th></tr>
      ${everyone.map(memberRow)}</table>
      <p><a href="#/household/${detail.householdId}">农户档案与全部动态</a></p>
    </section>
    <section>
      <h3>低保 / 特困申请</h3>
      ${applications.map((a) => applicationCard(a, true))}
      ${operator && canApply(detail, applications) ? applyForm(membersInHousehold(everyone)) : ''}
    </section>
    <section>
      <h3>临时救助（${township} 乡镇备用金）</h3>
      <p>备用金余额：<b data-testid="fund-balance">${fund ? yuan(fund.balance) + ' 元' : '尚未设立'}</b></p>
      ${operator && fund && detail.status === 'OPEN' ? payoutForm() : ''}
      ${payouts.length ? html`<h4>待审核的支付</h4>${payoutTable(township, payouts)}` : ''}
    </section>
    ${closing(detail, operator)}
    <section><h3>农户动态</h3>${timelineList(timeline)}</section>`;
}

/**
 * The application as the service takes it. Amounts go as the form's text (ADR 0002: numbers as text
 * are read exactly); an empty field is 0.
 */
export function applicationRequest(form, detail, caseId, members) {
  const memberFacts = members.map((m, i) => ({
    personId: m.personId, capacity: form['capacity-' + i].value, ownYearlyIncome: form['income-' + i].value || 0,
    ownBasicPension: form['pension-' + i].value || 0, underSixteen: form['child-' + i].checked
  }));
  const covered = members.filter((m, i) => form['covered-' + i].checked).map((m) => m.personId);
  return {
    householdId: detail.householdId, caseId, programme: form.programme.value, coveredPersons: covered,
    declaration: { totalIncome: form.totalIncome.value || 0, basicPension: form.basicPension.value || 0,
      illnessSpending: form.illnessSpending.value || 0, schoolingSpending: form.schoolingSpending.value || 0,
      employmentCosts: form.employmentCosts.value || 0 },
    members: memberFacts
  };
}

export async function caseView(view, caseId, seq) {
  const path = encodeURIComponent(caseId);
  const detail = await api('/api/social-assistance/cases/' + path);
  const [timeline, applications] = await Promise.all([
    api('/api/console/households/' + encodeURIComponent(detail.householdId) + '/timeline').catch(() => []),
    api('/api/social-assistance/applications?' + new URLSearchParams({ size: 100, caseId })).then((p) => p.items)
  ]);
  const township = detail.divisionCode.slice(0, 9);
  const fundPath = '/api/social-assistance/reserve-funds/' + encodeURIComponent(township);
  const [fund, payouts] = await Promise.all([
    api(fundPath).catch(() => null),
    api(fundPath + '/payouts/awaiting-review?' + new URLSearchParams({ size: 100, householdId: detail.householdId }))
      .then((p) => p.items).catch(() => [])
  ]);
  const operator = hasRole('civil-affairs-operator');
  if (stale(seq)) return;
  const members = membersInHousehold((detail.household && detail.household.members) || []);
  render(view, casePage({ detail, applications, timeline, township, fund, payouts, operator }));

  const apply = view.querySelector('#apply');
  if (apply) apply.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await post('/api/social-assistance/applications', applicationRequest(apply, detail, caseId, members));
      show('申请已受理，待乡镇审核员审核。');
      redraw();
    } catch (err) { show(err.message, true); }
  };
  bindDecisionForms(view);
  const payout = view.querySelector('#payout');
  if (payout) payout.onsubmit = async (e) => {
    e.preventDefault();
    try {
      const result = await post(fundPath + '/payouts', { requestId: crypto.randomUUID(), householdId: detail.householdId,
        caseId, amount: payout.amount.value, reason: payout.reason.value, greenChannel: payout.greenChannel.checked });
      show(result.payout && result.payout.status === 'PENDING' ? '已记录，待乡镇审核员审核同意后支付。'
        : '已支付，备用金余额 ' + yuan(result.balance) + ' 元。');
      redraw();
    } catch (err) { show(err.message, true); }
  };
  const close = view.querySelector('#close');
  if (close) close.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await post('/api/social-assistance/cases/' + path + '/close', { outcome: close.outcome.value });
      show('个案已办结。');
      redraw();
    } catch (err) { show(err.message, true); }
  };
}
