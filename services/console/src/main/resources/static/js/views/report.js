// 年度报告: the December report (年度工作总结报告). A county approver drafts, previews, writes the narrative,
// submits and downloads their county's report; the city analyst sees who submitted and who is late, and
// downloads each county's report and the city's.
import { html, render } from '../html.js';
import { api } from '../api.js';
import { accessToken } from '../auth.js';
import { dateTime } from '../dates.js';
import { hashQuery } from '../paging.js';
import { division, hasRole } from '../session.js';
import { redraw, stale } from '../navigation.js';
import { show } from '../messages.js';

/** The report's year: ?year= in the hash, else this year in China. */
export function reportYear(hash, now = new Date()) {
  const year = Number(hashQuery(hash).get('year'));
  const current = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
  return Number.isInteger(year) && year >= 2021 && year <= current ? year : current;
}

/** Where a county's report stands, in words. */
export const reportState = (s) => (s.submitted ? '已报送' : s.drafted ? '草稿（第 ' + s.latestVersion + ' 版）' : '未起草');

export const statusRow = (s, year) => html`<tr data-testid="report-status">
    <td><a href="#/report?year=${year}&county=${s.county}">${s.name}</a></td><td>${reportState(s)}</td>
    <td>${s.submittedBy || ''}</td><td>${s.submittedAt ? dateTime(s.submittedAt) : ''}</td><td>${s.deadline}</td>
    <td>${s.late ? html`<span class="badge overdue">逾期</span>` : ''}</td></tr>`;

export const statusTable = (page, year) => html`<table data-testid="report-statuses">
    <tr><th>县区</th><th>状态</th><th>报送人</th><th>报送时间</th><th>截止日</th><th>逾期</th></tr>
    ${page.items.map((s) => statusRow(s, year))}</table><p class="note" data-testid="report-total">共 ${page.total} 个县区，逾期 ${page.items.filter((s) => s.late).length} 个</p>`;

/** A county's report: the downloads, the preview, and (to its approver, until it is submitted) the narrative and the submission. */
export function countySection(status, current, editable) {
  const frozen = status.submitted;
  const form = editable && !frozen && current
    ? html`<form id="narrative" class="narrative">
        <label>问题与不足<br><textarea name="problems" rows="6" cols="80" required>${current.problems}</textarea></label><br>
        <label>下一年度工作措施<br><textarea name="nextYear" rows="6" cols="80" required>${current.nextYear}</textarea></label><br>
        <button type="submit">保存（新版本）</button> <button type="button" id="submit-report">报送</button></form>`
    : html`<div data-testid="narrative-read"><h4>问题与不足</h4><p>${current ? current.problems || '（待县级填写）' : ''}</p>
        <h4>下一年度工作措施</h4><p>${current ? current.nextYear || '（待县级填写）' : ''}</p></div>`;
  return html`<section data-testid="county-report"><h3>${status.name} · ${reportState(status)}</h3>
    ${frozen ? html`<p class="note">已于 ${dateTime(status.submittedAt)} 由 ${status.submittedBy} 报送，报送的版本不能修改。</p>` : ''}
    ${status.drafted ? html`<p><button type="button" class="secondary" data-download="docx">下载报告（.docx）</button>
      <button type="button" class="secondary" data-download="xlsx">下载附表（.xlsx）</button>
      <button type="button" class="secondary" id="preview-report">预览第一页</button></p>
      ${form}<p><img id="report-preview" alt="报告第一页预览" width="397" hidden></p>`
      : html`<p>本年度报告尚未起草。<button type="button" id="draft-report">立即起草</button></p>`}</section>`;
}

export const reportPage = ({ year, statuses, county, city }) => html`<section><h2>年度报告 · ${year} 年度工作总结报告</h2>
    <p class="note">各县区于每年12月上旬向市乡村振兴局报送；12月1日自动起草，数据均来自各部门发布的事件。</p>
    ${statusTable(statuses, year)}
    ${city ? html`<p><button type="button" class="secondary" data-city="docx">下载全市报告（.docx）</button>
      <button type="button" class="secondary" data-city="xlsx">下载全市附表（.xlsx）</button></p>` : ''}</section>
    ${county || ''}`;

async function fetchFile(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + accessToken() } });
  if (!response.ok) throw new Error('下载失败（' + response.status + '）');
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = decodeURIComponent((disposition.match(/filename\*=UTF-8''([^;]+)/) || [])[1] || 'report');
  return { blob: await response.blob(), name };
}

async function save(path) {
  const { blob, name } = await fetchFile(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function reportView(view, seq) {
  const year = reportYear(location.hash);
  const city = hasRole('analyst', 'admin');
  const statuses = await api('/api/console/reports/' + year + '?size=100');
  const own = hasRole('county-approver') && /^\d{6}$/.test(division() || '') ? division() : null;
  const chosen = hashQuery(location.hash).get('county') || own;
  const status = statuses.items.find((s) => s.county === chosen);
  let current = null;
  if (status && status.drafted) current = await api('/api/console/reports/' + year + '/counties/' + chosen);
  if (stale(seq)) return;
  const county = status ? countySection(status, current, own === chosen && hasRole('county-approver')) : null;
  render(view, reportPage({ year, statuses, county, city }));
  const base = '/api/console/reports/' + year + '/counties/' + chosen;
  const act = (fn) => async () => { try { await fn(); } catch (err) { show(err.message, true); } };
  const on = (selector, fn) => { const el = view.querySelector(selector); if (el) el.onclick = act(fn); };
  on('#draft-report', async () => { await api('/api/console/reports/' + year + '/drafts', { method: 'POST' }); redraw(); });
  on('#preview-report', async () => {
    const { blob } = await fetchFile(base + '/document?format=png');
    const reader = new FileReader();
    reader.onload = () => { const img = view.querySelector('#report-preview'); img.src = reader.result; img.hidden = false; };
    reader.readAsDataURL(blob);
  });
  on('#submit-report', async () => {
    await api(base + '/submission', { method: 'POST' });
    show('已报送。');
    redraw();
  });
  view.querySelectorAll('[data-download]').forEach((b) => b.onclick = act(() => save(base + '/document?format=' + b.dataset.download)));
  view.querySelectorAll('[data-city]').forEach((b) => b.onclick = act(() => save('/api/console/reports/' + year + '/city/document?format=' + b.dataset.city)));
  const form = view.querySelector('#narrative');
  if (form) {
    form.onsubmit = act(async (e) => {
      e.preventDefault();
      await api(base + '/narrative', { method: 'PUT', body: JSON.stringify({ problems: form.problems.value, nextYear: form.nextYear.value }) });
      show('已保存为新版本。');
      redraw();
    });
  }
}
