// Civil affairs' matters as the workbench and the case page show them: applications with who took each
// step, benefits due for review, temporary-aid payouts waiting for review, and their forms. Each user
// gets only their own step's form, never on a matter they took an earlier step on (the services refuse
// them too: 职责分离).
import { html } from '../html.js';
import { post } from '../api.js';
import { PAYOUT_LABELS, PROGRAMME_LABELS, STATUS_LABELS, label } from '../labels.js';
import { dateTime } from '../dates.js';
import { yuan } from '../numbers.js';
import { hasRole, me } from '../session.js';
import { redraw } from '../navigation.js';
import { show } from '../messages.js';

/** What the signed-in user may do with an application: review it, decide it, or only see that a step was theirs. */
export function applicationSteps(a, user = me(), reviewer = hasRole('civil-affairs-reviewer'),
  approver = hasRole('civil-affairs-approver')) {
  const canReview = a.status === 'SUBMITTED' && reviewer && a.submittedBy !== user;
  const canDecide = a.status === 'REVIEWED' && approver && a.submittedBy !== user && a.reviewedBy !== user;
  const ownStep = (a.status === 'SUBMITTED' && reviewer && !canReview) || (a.status === 'REVIEWED' && approver && !canDecide);
  return { canReview, canDecide, ownStep };
}

/**
 * An application with who took each step; the review form for a reviewer and the decision form for an
 * approver. On the case page it does not link to the case.
 */
export function applicationCard(a, onCasePage = false) {
  const { canReview, canDecide, ownStep } = applicationSteps(a);
  return html`<div data-testid="application"><p>${label(PROGRAMME_LABELS, a.programme)}申请 ·
    <b data-testid="application-status">${label(STATUS_LABELS, a.status)}</b>
    ${a.determination ? html` · 月保障金 <b data-testid="monthly-amount">${yuan(a.determination.monthlyAmount)}</b> 元` : ''}
    ${a.caseId && !onCasePage ? html` · <a href="#/case/${a.caseId}" data-testid="application-case">查看个案</a>` : ''}</p>
    <p class="note" data-testid="application-steps">受理：${a.submittedBy}（${dateTime(a.submittedAt)}）${a.reviewedBy
      ? html` · 审核：<span data-testid="reviewed-by">${a.reviewedBy}</span>（${a.reviewRecommends ? '同意' : '不同意'}）` : ''}${a.decidedBy
      ? html` · 审批：<span data-testid="decided-by">${a.decidedBy}</span>（${a.decidedOn}）` : ''}</p>
    ${a.reviewOpinion ? html`<p class="note">审核意见：${a.reviewOpinion}</p>` : ''}
    ${a.determination ? html`<p class="note" data-testid="explanation">${a.determination.explanation}</p>` : ''}
    ${a.decisionReason ? html`<p class="note">审批理由：${a.decisionReason}</p>` : ''}
    ${canReview ? html`<form class="inline app-review" data-id="${a.id}">
      <label>审核意见<select name="recommend" data-testid="review-recommend"><option value="true">同意，报县民政局审批</option><option value="false">不同意</option></select></label>
      <label>理由<input name="opinion" size="40" data-testid="review-opinion" required></label>
      <button type="submit" data-testid="review-submit">提交审核</button></form>` : ''}
    ${canDecide ? html`<form class="inline decision" data-id="${a.id}">
      <label>审批结论<select name="approve" data-testid="decision-approve"><option value="true">批准</option><option value="false">不予批准</option></select></label>
      <label>理由<input name="reason" size="40" data-testid="decision-reason" required></label>
      <button type="submit" data-testid="decision-submit">提交审批</button></form>` : ''}
    ${ownStep ? html`<p class="note" data-testid="own-step">您已办理该申请的前一环节，须由他人审核、审批（职责分离）。</p>` : ''}</div>`;
}

export function grantTable(grants) {
  if (!grants.length) return html`<p class="note">暂无到期复核的待遇</p>`;
  return html`<table data-testid="grants-due"><tr><th>项目</th><th>区划</th><th class="num">月发放（元）</th><th>复核期限</th><th>原因</th><th>复核</th></tr>
    ${grants.map((g) => html`<tr data-testid="grant-due"><td>${label(PROGRAMME_LABELS, g.programme)}</td><td>${g.divisionCode}</td>
      <td class="num">${yuan(g.monthlyAmount)}</td><td>${g.nextReview}</td><td>${g.reviewReason ? '成员减少' : '定期复核'}</td>
      <td><form class="inline grant-review" data-id="${g.id}">
        <select name="eligible"><option value="true">仍符合条件</option><option value="false">不再符合（下月起停发）</option></select>
        <input name="reason" placeholder="复核理由" required><button type="submit">提交复核</button></form></td></tr>`)}</table>`;
}

/** A payout's state: a green-channel payout was paid before its review. */
export const payoutState = (m) => (m.greenChannel ? '绿色通道，已先行支付' : label(PAYOUT_LABELS, m.status));

/** Payouts waiting for their review; the review form for a reviewer who did not record the payout. */
export function payoutTable(township, payouts) {
  if (!payouts.length) return html`<p class="note">暂无待审核的支付</p>`;
  const reviewer = hasRole('civil-affairs-reviewer');
  return html`<table data-testid="payouts-awaiting"><tr><th>记录时间</th><th class="num">金额（元）</th><th>状态</th><th>事由</th><th>经办人</th><th>审核</th></tr>
    ${payouts.map((m) => html`<tr data-testid="payout-awaiting"><td>${dateTime(m.recordedAt)}</td><td class="num">${yuan(m.amount)}</td>
      <td>${payoutState(m)}</td><td>${m.reason}</td>
      <td>${m.recordedBy}</td>
      <td>${!reviewer ? '' : m.recordedBy === me() ? html`<span class="note">本人经办，须由其他审核员审核</span>`
        : html`<form class="inline payout-review" data-township="${township}" data-id="${m.id}">
          <select name="approve"><option value="true">${m.greenChannel ? '核查属实' : '同意支付'}</option><option value="false">${m.greenChannel ? '核查不属实' : '不予支付'}</option></select>
          <input name="note" placeholder="审核意见" required><button type="submit">提交审核</button></form>`}</td></tr>`)}</table>`;
}

/** The review and decision forms of applications, grants and payouts on the page. */
export function bindDecisionForms(root) {
  const on = (selector, path, body, done) => root.querySelectorAll(selector).forEach((form) => form.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await post(path(form), body(form));
      show(done);
      redraw();
    } catch (err) { show(err.message, true); }
  });
  const id = (form) => encodeURIComponent(form.dataset.id);
  on('form.app-review', (f) => '/api/social-assistance/applications/' + id(f) + '/review',
    (f) => ({ recommend: f.recommend.value === 'true', opinion: f.opinion.value }), '审核完成，已报县民政局审批。');
  on('form.decision', (f) => '/api/social-assistance/applications/' + id(f) + '/decision',
    (f) => ({ approve: f.approve.value === 'true', reason: f.reason.value }), '审批完成。');
  on('form.grant-review', (f) => '/api/social-assistance/grants/' + id(f) + '/reviews',
    (f) => ({ eligible: f.eligible.value === 'true', reason: f.reason.value }), '复核已记录。');
  on('form.payout-review', (f) => '/api/social-assistance/reserve-funds/' + encodeURIComponent(f.dataset.township)
    + '/payouts/' + id(f) + '/review', (f) => ({ approve: f.approve.value === 'true', note: f.note.value }), '审核已记录。');
}
