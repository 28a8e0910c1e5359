// 部门数据报送: an officer of a bureau without a service uploads a file of one of their bureau's feed
// kinds in force (教育局's pupil roster, 水务局's census, ADR 0040) for the date it describes, and reads
// what the import found and its row errors, a page at a time with the total.
import { html, render } from '../html.js';
import { api, upload } from '../api.js';
import { SESSION_ENDED } from '../auth.js';
import { BUREAU_LABELS, FEED_IMPORT_STATUS_LABELS, label } from '../labels.js';
import { chinaDay } from '../dates.js';
import { num } from '../numbers.js';
import { pagesAround } from '../paging.js';
import { officerBureau } from '../session.js';
import { stale } from '../navigation.js';
import { show } from '../messages.js';

export const FEEDS = '/api/monitoring/department-feeds';
/** The kinds in force are a handful; one page holds them all. */
export const FEED_KINDS_PAGE_SIZE = 100;
export const FEED_ERRORS_PAGE_SIZE = 50;
/** The first day a file may describe (the monitoring era); the last is today in China. */
export const FEED_FIRST_DAY = '2021-01-01';
const FILE_TYPES = /\.(xlsx|csv)$/i;

/** The kinds of a page of kinds in force that this bureau sends. */
export const kindsOf = (page, bureau) => ((page && page.items) || []).filter((k) => k.bureau === bureau);

/**
 * What to send for an upload, from the form's values: the address of the kind and the multipart fields
 * [name, value] (the file and the date). Throws an Error with a Chinese message when the form is not
 * complete: no kind of this bureau, a date that is not a day from 2021-01-01 to today, no file, an
 * empty one or one that is neither .xlsx nor .csv.
 */
export function feedUpload(kinds, { kind, asOf, file }, today) {
  const chosen = kinds.find((k) => k.code === kind);
  if (!chosen) throw new Error('请选择数据类型。');
  const day = String(asOf || '').trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day + 'T00:00:00Z'))
      || new Date(day + 'T00:00:00Z').toISOString().slice(0, 10) !== day) {
    throw new Error('请填写数据日期（年-月-日）。');
  }
  if (day < FEED_FIRST_DAY || day > today) throw new Error('数据日期应在' + FEED_FIRST_DAY + '至' + today + '之间。');
  if (!file) throw new Error('请选择要上传的文件。');
  if (!FILE_TYPES.test(file.name || '')) throw new Error('文件应为 .xlsx 或 .csv 格式。');
  if (!file.size) throw new Error('文件为空，请选择包含数据的文件。');
  return { path: FEEDS + '/' + encodeURIComponent(chosen.code), fields: [['file', file], ['asOf', day]] };
}

/** The multipart body of the fields; the browser sets its Content-Type with the boundary. */
export function formDataOf(fields) {
  const data = new FormData();
  fields.forEach(([name, value]) => data.append(name, value));
  return data;
}

/**
 * An import's figures in Chinese, [label, figure] in the order an officer reads them; same is true when
 * the service answered with the first import of the same file (200), which changed nothing.
 */
export function importFigures(feedImport, same) {
  const i = feedImport;
  const lines = [
    ['导入结果', same ? '同一文件此前已导入，本次未作任何改动，以下为第一次导入的结果' : '已导入'],
    ['状态', label(FEED_IMPORT_STATUS_LABELS, i.status)],
    ['读取行数', num(i.totalRows)],
    ['被拒的行', num(i.rejectedRows)],
    ['符合条件的行', num(i.findings)],
    ['形成线索的农户', num(i.signals)],
    ['已预警', num(i.alertsRaised)],
    ['进入认定程序', num(i.identifications)],
    ['已在监测中，不重复预警', num(i.alreadyMonitored)],
    ['脱贫不享受政策户，不纳入', num(i.excluded)]
  ];
  if (i.errorsNotStored) lines.push(['未保存的行错误', num(i.errorsNotStored)]);
  if (i.failure) lines.push(['失败原因', i.failure]);
  return lines;
}

/** A row error as an officer reads it: 第 3 行（身份证号）：原因. */
export const rowErrorText = (e) => '第 ' + e.row + ' 行' + (e.column ? '（' + e.column + '）' : '') + '：' + e.reason;

const kindOption = (k) => html`<option value="${k.code}">${k.label}（${k.idColumn}、${k.valueColumn}）</option>`;

/** The upload form for the bureau's kinds, or a note when the bureau has none in force. */
export function feedsPage(bureau, kinds, today) {
  const heading = html`<h2>${label(BUREAU_LABELS, bureau)} · 部门数据报送</h2>`;
  if (!kinds.length) {
    return html`<section>${heading}<p data-testid="no-feed-kinds">本部门暂无需报送的数据类型。</p></section>`;
  }
  const choice = kinds.length > 1
    ? html`<select name="kind" data-testid="feed-kind" required><option value="">请选择数据类型</option>${kinds.map(kindOption)}</select>`
    : html`<select name="kind" data-testid="feed-kind" required>${kinds.map(kindOption)}</select>`;
  return html`<section>${heading}
    <p class="note">上传本部门的数据文件（.xlsx 或 UTF-8 的 .csv，首行为列名），按数据类型逐行比对已登记农户，符合条件的农户按规则预警；同一文件只导入一次。</p>
    <form class="inline" id="feed-form" data-testid="feed-form">
      <label>数据类型 ${choice}</label>
      <label>数据日期 <input name="asOf" type="date" data-testid="feed-date" min="${FEED_FIRST_DAY}" max="${today}" value="${today}" required></label>
      <label>文件 <input name="file" type="file" data-testid="feed-file" accept=".xlsx,.csv" required></label>
      <button type="submit" data-testid="feed-submit">上传</button>
    </form>
    <div id="feed-result" data-testid="feed-result"></div>
    <div id="feed-errors" data-testid="feed-errors"></div></section>`;
}

/** The import's figures as a table. */
export const importTable = (feedImport, same) => html`<h3>${feedImport.fileName || ''} · ${feedImport.asOf}</h3>
  <table data-testid="feed-figures">${importFigures(feedImport, same).map(([name, figure]) =>
    html`<tr><th>${name}</th><td>${figure}</td></tr>`)}</table>`;

/** A page of row errors with the total and the way to the pages around it. */
export function errorsList(errors, page) {
  if (!errors.total) return html`<p class="note" data-testid="feed-errors-total">没有被拒的行。</p>`;
  const around = pagesAround(page, errors.size, errors.total);
  return html`<h3>被拒的行</h3>
    <ol data-testid="feed-error-list">${errors.items.map((e) => html`<li data-testid="feed-error">${rowErrorText(e)}</li>`)}</ol>
    <div class="pager"><span data-testid="feed-errors-total">共 ${errors.total} 条</span>
      ${around.previous ? html`<button type="button" class="secondary" data-page="${page - 1}" data-testid="feed-errors-prev">上一页</button>` : ''}
      第 ${page + 1} 页
      ${around.next ? html`<button type="button" class="secondary" data-page="${page + 1}" data-testid="feed-errors-next">下一页</button>` : ''}</div>`;
}

/** A refusal (a problem's title and detail) where the result would be. */
export const problemNote = (message) => html`<p class="problem" data-testid="feed-problem">${message}</p>`;

async function showErrors(box, id, page, seq) {
  const errors = await api(FEEDS + '/imports/' + encodeURIComponent(id) + '/errors?'
    + new URLSearchParams({ page, size: FEED_ERRORS_PAGE_SIZE }));
  if (stale(seq)) return;
  render(box, errorsList(errors, page));
  box.querySelectorAll('button[data-page]').forEach((button) => {
    button.onclick = () => showErrors(box, id, Number(button.dataset.page), seq).catch((e) => show(e.message, true));
  });
}

export async function feedsView(view, seq) {
  const bureau = officerBureau();
  const today = chinaDay();
  const page = await api(FEEDS + '/kinds?' + new URLSearchParams({ asOf: today, size: FEED_KINDS_PAGE_SIZE }));
  if (stale(seq)) return;
  const kinds = kindsOf(page, bureau);
  render(view, feedsPage(bureau, kinds, today));
  const form = view.querySelector('#feed-form');
  if (!form) return;
  const result = view.querySelector('#feed-result');
  const errors = view.querySelector('#feed-errors');
  form.onsubmit = async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    try {
      const sending = feedUpload(kinds, { kind: form.kind.value, asOf: form.asOf.value, file: form.file.files[0] }, chinaDay());
      button.disabled = true;
      render(result, html`<p class="note" data-testid="feed-busy">正在上传并比对，请稍候……</p>`);
      render(errors, html``);
      const response = await upload(sending.path, formDataOf(sending.fields));
      if (stale(seq)) return;
      const same = response.status === 200;
      render(result, importTable(response.body, same));
      show(same ? '同一文件此前已导入。' : '已导入。');
      // the import stands whatever happens to the list of its errors: a refusal there goes under it
      await showErrors(errors, response.body.id, 0, seq).catch((err) => {
        if (err.message !== SESSION_ENDED && !stale(seq)) render(errors, problemNote(err.message));
      });
    } catch (err) {
      if (err.message === SESSION_ENDED || stale(seq)) return;
      render(result, problemNote(err.message));
      show(err.message, true);
    } finally {
      button.disabled = false;
    }
  };
}
