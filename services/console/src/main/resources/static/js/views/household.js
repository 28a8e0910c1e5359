// 农户档案: the household's members (masked ID numbers; the full one for pii-reveal, with a reason that is
// audited) and its timeline across bureaus.
import { html, render } from '../html.js';
import { api, post } from '../api.js';
import { CATEGORY_LABELS, label, memberStatus } from '../labels.js';
import { hasRole } from '../session.js';
import { stale } from '../navigation.js';
import { show } from '../messages.js';
import { timelineList } from './timeline.js';

export const memberRow = (m, canReveal) => html`<tr><td>${m.name}</td><td><span data-testid="id-${m.id}">${m.maskedIdNumber}</span>
          ${canReveal ? html` <button class="secondary reveal" data-member="${m.id}">查看完整号码</button>` : ''}</td>
          <td>${m.relationship}</td>
          <td>${memberStatus(m)}</td></tr>`;

export function householdPage(household, timeline, canReveal) {
  return html`<section><h2>农户档案</h2>
    ${household ? html`<p>${household.headName} · ${household.divisionCode} · ${label(CATEGORY_LABELS, household.category)}</p>
      <table data-testid="household-members"><tr><th>姓名</th><th>身份证号</th><th>关系</th><th>状态</th></tr>${household.members.map((m) =>
        memberRow(m, canReveal))}</table>
      ${canReveal ? html`<p class="note">查看完整身份证号须填写理由，每次查看均留痕备查。</p>` : ''}` : ''}
    </section><section><h3>信号、认定、预警、任务与措施</h3>${timelineList(timeline)}</section>`;
}

export async function householdView(view, householdId, seq) {
  const path = encodeURIComponent(householdId);
  const timeline = await api('/api/console/households/' + path + '/timeline');
  const household = hasRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')
    ? await api('/api/monitoring/households/' + path).catch(() => null) : null;
  if (stale(seq)) return;
  render(view, householdPage(household, timeline, hasRole('pii-reveal')));
  view.querySelectorAll('button.reveal').forEach((button) => button.onclick = async () => {
    const reason = prompt('请填写查看完整身份证号的理由（将留痕备查）：');
    if (!reason || !reason.trim()) return;
    try {
      const result = await post('/api/monitoring/households/' + path + '/members/'
        + encodeURIComponent(button.dataset.member) + '/reveal', { reason });
      button.parentElement.querySelector('[data-testid^="id-"]').textContent = result.idNumber;
      button.remove();
    } catch (err) { show(err.message, true); }
  });
}
