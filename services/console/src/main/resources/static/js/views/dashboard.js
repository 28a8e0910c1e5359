// 驾驶舱: the rural revitalization bureau's dashboards; every chart has its figures in a table.
import { html, render } from '../html.js';
import { api } from '../api.js';
import { BUREAU_LABELS, COUNTY_LABELS, FEED_GRID_LABELS, FEED_STATE_LABELS, label } from '../labels.js';
import { lastMonthInChina } from '../dates.js';
import { num, percent, yuan } from '../numbers.js';
import { hashQuery } from '../paging.js';
import { hasRole } from '../session.js';
import { stale } from '../navigation.js';
import { chart } from '../charts.js';

/** The city-wide monitoring line (元/人·年) by the day it took effect. */
export const monitoringLine = (parameters) => parameters.filter((p) => p.name === 'monitoring.line' && p.scope === '*');

/** Villages (12 digits) are the last level: the others drill down. */
export const areaName = (a) => (a.code.length < 12 ? html`<a href="#/dashboard?area=${a.code}">${a.name}</a>` : a.name);

export const leagueRow = (l) => html`<tr data-testid="league-${l.bureau}-${l.county}"><td>${label(BUREAU_LABELS, l.bureau)}</td><td>${l.county}</td>
        <td class="num" data-testid="league-${l.bureau}-${l.county}-total">${num(l.total)}</td><td class="num">${num(l.open)}</td>
        <td class="num">${num(l.closedOnTime)}</td><td class="num">${num(l.closedLate)}</td>
        <td class="num" data-testid="league-${l.bureau}-${l.county}-overdue">${num(l.overdueOpen)}</td><td class="num">${num(l.escalated)}</td>
        <td class="num">${percent(l.onTimeRate)}</td></tr>`;

export const feedTable = (feed) => html`<p class="note">截止日期 ${feed.deadline}</p><table data-testid="feed"><tr><th>县区</th><th class="num">按时</th><th class="num">逾期</th><th>状态</th></tr>
        ${feed.counties.map((c) => html`<tr><td>${c.name}</td><td class="num">${num(c.onTime)}</td><td class="num">${num(c.late)}</td>
          <td data-testid="feed-${c.county}">${label(FEED_STATE_LABELS, c.state)}</td></tr>`)}</table>`;

const countyNames = (codes) => codes.map((c) => label(COUNTY_LABELS, c)).join('、');

/** One bureau's month: its state in words, and the late and missing counties of the caller's area. */
export const feedGridCell = (bureau, c) => html`<td class="feed-${c.state}" data-testid="feed-grid-${bureau}-${c.month}"
        title="截止日期 ${c.deadline}">${label(FEED_GRID_LABELS, c.state)}${c.late.length ? html`<div class="note">逾期：${countyNames(c.late)}</div>` : ''}${c.missing.length ? html`<div class="note">缺报：${countyNames(c.missing)}</div>` : ''}</td>`;

/** Every bureau's monthly feed, bureau × month, newest month first (报送完整性). */
export const feedGrid = (grid) => html`<table data-testid="feed-grid"><tr><th>部门</th>${grid.months.map((m) => html`<th>${m}</th>`)}</tr>
        ${grid.items.map((row) => html`<tr><td>${label(BUREAU_LABELS, row.bureau)}</td>${row.cells.map((c) => feedGridCell(row.bureau, c))}</tr>`)}</table>
        <p class="note">每月数据应于次月5日（政策参数）前报送；“未报逾期”指截止日已过、该部门未报告逾期或缺报。共 ${num(grid.total)} 个部门。</p>`;

export function dashboardPage({ board, league, parameters, feed, month, area, grid }) {
  const monitored = board.byArea.reduce((sum, a) => sum + a.monitored, 0);
  const f = board.funnel;
  return html`
    <section>
      <h2>防返贫监测驾驶舱 <span class="note">范围：${board.area}${area ? html` · <a href="#/dashboard">返回上级</a>` : ''}</span></h2>
      <div class="cards">
        <div class="card"><div class="figure" data-testid="monitored-total">${num(monitored)}</div><div class="label">在监测对象（户）</div></div>
        <div class="card"><div class="figure" data-testid="funnel-identified">${num(f.identified)}</div><div class="label">确定为监测对象</div></div>
        <div class="card"><div class="figure" data-testid="funnel-warned">${num(f.warned)}</div><div class="label">已预警</div></div>
        <div class="card"><div class="figure" data-testid="funnel-assisted">${num(f.assisted)}</div><div class="label">已落实帮扶</div></div>
        <div class="card"><div class="figure" data-testid="funnel-eliminated">${num(f.eliminated)}</div><div class="label">风险已消除</div></div>
      </div>
      <p class="note">闭环时效（平均天数）：确定→预警 <b data-testid="days-warn">${f.daysToWarn ?? '—'}</b> 天，预警→帮扶
        <b data-testid="days-assist">${f.daysToAssist ?? '—'}</b> 天，确定→消除 <b data-testid="days-eliminate">${f.daysToEliminate ?? '—'}</b> 天</p>
    </section>
    <div class="grid">
      <section><h3>按区域（点击下钻）</h3><div class="chart" id="chart-area"></div>
        <table data-testid="by-area"><tr><th>区域</th><th class="num">登记户</th><th class="num">在监测</th><th class="num">已消除</th></tr>
        ${board.byArea.map((a) => html`<tr><td>${areaName(a)}</td>
          <td class="num">${num(a.households)}</td><td class="num" data-testid="area-${a.code}-monitored">${num(a.monitored)}</td>
          <td class="num">${num(a.eliminated)}</td></tr>`)}</table></section>
      <section><h3>按农户类别</h3><div class="chart" id="chart-category"></div>
        <table data-testid="by-category"><tr><th>类别</th><th class="num">登记户</th><th class="num">在监测</th></tr>
        ${board.byCategory.map((c) => html`<tr><td>${c.label}</td><td class="num" data-testid="category-${c.category}">${num(c.households)}</td>
          <td class="num">${num(c.monitored)}</td></tr>`)}</table></section>
      <section><h3>每月新增预警</h3><div class="chart" id="chart-month"></div>
        <table data-testid="alerts-per-month"><tr><th>月份</th><th class="num">预警</th></tr>
        ${board.alertsPerMonth.map((m) => html`<tr><td>${m.month}</td><td class="num" data-testid="alerts-${m.month}">${num(m.alerts)}</td></tr>`)}</table></section>
      <section><h3>风险类型</h3><div class="chart" id="chart-risk"></div>
        <table data-testid="risk-types"><tr><th>风险</th><th class="num">预警数</th></tr>
        ${board.riskTypes.map((r) => html`<tr><td>${r.label}</td><td class="num" data-testid="risk-${r.riskType}">${num(r.alerts)}</td></tr>`)}</table></section>
    </div>
    <section><h3>压实责任：各部门帮扶任务办理情况</h3>
      <table data-testid="league-table"><tr><th>部门</th><th>县区</th><th class="num">任务</th><th class="num">办理中</th><th class="num">按期办结</th>
        <th class="num">超期办结</th><th class="num">逾期未办</th><th class="num">提级督办</th><th class="num">按期率</th></tr>
      ${league.length ? league.map(leagueRow) : html`<tr><td colspan="9">暂无帮扶任务</td></tr>`}</table></section>
    <div class="grid">
      <section><h3>监测线（元/人·年）</h3><div class="chart" id="chart-line"></div>
        <table data-testid="monitoring-line"><tr><th>起始日期</th><th class="num">监测线</th></tr>
        ${monitoringLine(parameters).map((p) =>
          html`<tr><td>${p.effectiveFrom}</td><td class="num" data-testid="line-${p.effectiveFrom.slice(0, 4)}">${yuan(p.value)}</td></tr>`)}</table></section>
      <section><h3>医保结算数据报送（${month}）</h3>
        ${feed ? feedTable(feed) : html`<p class="note">暂无报送数据</p>`}</section>
    </div>
    <section><h3>各部门月度报送情况</h3>
      ${grid ? feedGrid(grid) : html`<p class="note">暂无报送数据</p>`}</section>`;
}

function drawCharts(view, board, parameters) {
  const at = (id) => view.querySelector('#' + id);
  chart(at('chart-area'), { xAxis: { type: 'category', data: board.byArea.map((a) => a.name) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', name: '在监测', data: board.byArea.map((a) => a.monitored), color: '#a61b1b' }] });
  chart(at('chart-category'), { series: [{ type: 'pie', radius: '65%',
    data: board.byCategory.filter((c) => c.households > 0).map((c) => ({ name: c.label, value: c.households })) }] });
  chart(at('chart-month'), { xAxis: { type: 'category', data: board.alertsPerMonth.map((m) => m.month) }, yAxis: { type: 'value' },
    series: [{ type: 'line', name: '预警', data: board.alertsPerMonth.map((m) => m.alerts), color: '#a61b1b' }] });
  chart(at('chart-risk'), { yAxis: { type: 'category', data: board.riskTypes.map((r) => r.label) }, xAxis: { type: 'value' },
    series: [{ type: 'bar', data: board.riskTypes.map((r) => r.alerts), color: '#d97706' }] });
  const line = monitoringLine(parameters);
  chart(at('chart-line'), { xAxis: { type: 'category', data: line.map((p) => p.effectiveFrom.slice(0, 4)) }, yAxis: { type: 'value', min: 6000 },
    series: [{ type: 'line', step: 'start', data: line.map((p) => p.value), color: '#a61b1b' }] });
}

export async function dashboardView(view, seq) {
  const area = hashQuery(location.hash).get('area');
  const [board, league, parameters] = await Promise.all([
    api('/api/console/dashboard' + (area ? '?' + new URLSearchParams({ area }) : '')),
    hasRole('analyst', 'county-approver', 'admin') ? api('/api/monitoring/league-table') : Promise.resolve([]),
    api('/api/monitoring/parameters')
  ]);
  // last month as it is in China now, also before 08:00 when UTC is still on the day before
  const month = lastMonthInChina();
  const [feed, grid] = await Promise.all([
    api('/api/medical-insurance/feed-completeness?month=' + month).catch(() => null),
    hasRole('analyst', 'county-approver', 'admin') ? api('/api/console/feed-grid?months=6&size=50').catch(() => null)
      : Promise.resolve(null)
  ]);
  if (stale(seq)) return;
  render(view, dashboardPage({ board, league, parameters, feed, month, area, grid }));
  drawCharts(view, board, parameters);
}
