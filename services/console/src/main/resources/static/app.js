// 抚顺市防止返贫动态监测和帮扶平台 · console
// Plain JavaScript, no build step: sign-in with Keycloak (authorization code + PKCE, public client),
// then every call goes through the gateway with the user's token. Each user sees their division only:
// the services filter by the token's division; the console never widens it.
// The tokens live in this tab's sessionStorage only and are renewed in place (grant_type=refresh_token),
// never by reloading the page, so a half-filled form survives the 15-minute access token.
'use strict';

const state = { config: null, claims: null, seq: 0, refreshing: null, refreshTimer: null, refreshDue: false, active: false,
  ending: false };

const ROLE_LABELS = {
  'analyst': '乡村振兴局分析员', 'county-approver': '县级审批人', 'township-reviewer': '乡镇审核员',
  'village-cadre': '村级监测员', 'civil-affairs-operator': '民政经办人', 'civil-affairs-reviewer': '乡镇民政审核员',
  'civil-affairs-approver': '县民政局审批人', 'medical-insurance-officer': '医保经办人',
  'education-officer': '教育局经办人', 'health-officer': '卫健委经办人', 'water-officer': '水务局经办人',
  'agriculture-officer': '农业农村局经办人', 'disabled-federation-officer': '残联经办人', 'admin': '平台管理员'
};
const OFFICER_BUREAUS = {
  'education-officer': 'EDUCATION', 'health-officer': 'HEALTH', 'water-officer': 'WATER',
  'agriculture-officer': 'AGRICULTURE', 'disabled-federation-officer': 'DISABLED_PERSONS_FEDERATION'
};
const BUREAU_LABELS = {
  RURAL_REVITALIZATION: '乡村振兴局', CIVIL_AFFAIRS: '民政局', MEDICAL_INSURANCE: '医保局', HOUSING: '住建局',
  HUMAN_RESOURCES: '人社局', EDUCATION: '教育局', HEALTH: '卫健委', WATER: '水务局', AGRICULTURE: '农业农村局',
  DISABLED_PERSONS_FEDERATION: '残联'
};
const RISK_LABELS = {
  ILLNESS: '因病', DISABILITY: '因残', SCHOOLING: '因学', DISASTER: '因灾', ACCIDENT: '因意外事故',
  FAILED_BUSINESS: '因产业项目失败', UNSTABLE_EMPLOYMENT: '因务工就业不稳', LACK_OF_LABOUR: '缺劳动力',
  UNSAFE_HOUSING: '住房出现安全问题', SCHOOL_DROPOUT: '义务教育阶段辍学', DRINKING_WATER: '饮水安全问题', OTHER: '其他'
};
const CAPACITY_LABELS = { FULL: '有劳动能力', PARTIAL: '部分丧失', NONE: '无劳动能力' };
const STATUS_LABELS = { OPEN: '办理中', CLOSED: '已办结', SUBMITTED: '待审核', REVIEWED: '待审批', GRANTED: '已批准',
  REJECTED: '不予批准', ASSIGNED: '已派发', ACKNOWLEDGED: '已签收', MEASURE_APPLIED: '已落实措施', ACTIVE: '发放中', STOPPED: '已停发' };
const PAYOUT_LABELS = { PENDING: '待审核，审核同意后支付', DONE: '已支付', REFUSED: '不予支付' };
// civil affairs: the operator submits and records, the township reviewer reviews, the county approver
// decides; the services refuse anyone taking two steps on one matter (职责分离), the page offers no such step
const CIVIL_AFFAIRS = ['civil-affairs-operator', 'civil-affairs-reviewer', 'civil-affairs-approver'];

// ---------- helpers ----------

const $ = (selector, root = document) => root.querySelector(selector);
const esc = (value) => String(value ?? '').replace(/[&<>"']/g,
  (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const num = (value) => value == null ? '—' : Number(value).toLocaleString('zh-CN');
const yuan = (value) => value == null ? '—' : Number(value).toLocaleString('zh-CN',
  { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const date = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '';

function show(message, isError) {
  const box = $('#message');
  box.textContent = message;
  box.className = 'message show' + (isError ? ' error' : '');
  clearTimeout(show.timer);
  show.timer = setTimeout(() => { box.className = 'message'; }, isError ? 8000 : 4000);
}

/** A problem (RFC 9457) in plain Chinese: its detail and every field's message. */
function problemText(problem) {
  const parts = [problem.title, problem.detail].filter(Boolean);
  (problem.errors || []).forEach((e) => parts.push(e.message));
  return parts.join('：');
}

async function api(path, options = {}, retried = false) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  const token = accessToken();
  if (token) headers['Authorization'] = 'Bearer ' + token;
  if (options.body && !(options.body instanceof FormData)) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401 && token) {
    // the token ran out unnoticed (a sleeping laptop, a throttled background tab): renew it and ask once more;
    // a 401 means the gateway did not let the request through, so sending it again cannot do it twice
    if (!retried && await refresh()) return api(path, options, true);
    sessionEnded();
    throw new Error(SESSION_ENDED);
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const text = body ? problemText(body) : '请求失败（' + response.status + '）';
    const error = new Error(text);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---------- sign-in: authorization code with PKCE ----------

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function login() {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const stateValue = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state: stateValue, hash: location.hash }));
  const params = new URLSearchParams({
    client_id: state.config.clientId, response_type: 'code', scope: 'openid',
    redirect_uri: location.origin + '/', code_challenge: challenge, code_challenge_method: 'S256', state: stateValue
  });
  location.assign(state.config.issuer + '/protocol/openid-connect/auth?' + params);
}

async function completeLogin() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code')) return;
  const pkce = JSON.parse(sessionStorage.getItem('pkce') || '{}');
  sessionStorage.removeItem('pkce');
  history.replaceState(null, '', '/' + (pkce.hash || ''));
  if (query.get('state') !== pkce.state) {
    show('登录状态校验失败，请重新登录。', true);
    return;
  }
  const response = await fetch(state.config.issuer + '/protocol/openid-connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: state.config.clientId, code: query.get('code'),
      redirect_uri: location.origin + '/', code_verifier: pkce.verifier
    })
  });
  if (!response.ok) {
    show('登录失败，请重试。', true);
    return;
  }
  keepTokens(await response.json());
}

function logout() {
  const idToken = sessionStorage.getItem('idToken');
  clearTimeout(state.refreshTimer);
  sessionStorage.clear();
  const params = new URLSearchParams({ client_id: state.config.clientId, post_logout_redirect_uri: location.origin + '/' });
  if (idToken) params.set('id_token_hint', idToken);
  location.assign(state.config.issuer + '/protocol/openid-connect/logout?' + params);
}

// ---------- tokens: renewed before they run out, the page stays as it is ----------

/** Renew at this share of a token's lifetime: well before it ends, not so early that it asks Keycloak often. */
const REFRESH_AT = 0.7;

const accessToken = () => sessionStorage.getItem('token');
const tokenEndpoint = () => state.config.issuer + '/protocol/openid-connect/token';
const claimsOf = (jwt) => JSON.parse(decodeURIComponent(escape(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));

/**
 * Keeps a token answer and plans the next renewal from the token's lifetime (exp − iat), counted on this
 * browser's clock from now: a browser whose clock is off does not renew too early or too late.
 */
function keepTokens(tokens) {
  const claims = claimsOf(tokens.access_token);
  sessionStorage.setItem('token', tokens.access_token);
  sessionStorage.setItem('tokenRefreshAt', String(Date.now() + (claims.exp - claims.iat) * 1000 * REFRESH_AT));
  if (tokens.refresh_token) sessionStorage.setItem('refreshToken', tokens.refresh_token);
  if (tokens.id_token) sessionStorage.setItem('idToken', tokens.id_token);
  state.claims = claims;
  state.active = false;
  scheduleRefresh();
}

function forgetTokens() {
  clearTimeout(state.refreshTimer);
  ['token', 'tokenRefreshAt', 'refreshToken', 'idToken'].forEach((key) => sessionStorage.removeItem(key));
}

/**
 * Renews ahead of time only for someone who used the page since the last renewal (or uses it once the
 * renewal is due): an unattended console is not kept signed in, so the realm's idle timeout still ends
 * its session. Whoever comes back later gets a renewal on the first 401, or, once the session is over,
 * their typing back after signing in again.
 */
function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshDue = false;
  const due = Number(sessionStorage.getItem('tokenRefreshAt') || 0) - Date.now();
  state.refreshTimer = setTimeout(() => { state.refreshDue = true; renewIfActive(); }, Math.max(due, 0));
}

function renewIfActive() {
  if (!state.refreshDue || !state.active) return;
  // once only: a refused renewal is not asked again on every key; the next 401 tells
  state.refreshDue = false;
  refresh();
}

['keydown', 'input', 'pointerdown'].forEach((type) => document.addEventListener(type, () => {
  state.active = true;
  renewIfActive();
}, { capture: true, passive: true }));

/** One renewal at a time, shared by every call that needs it; true once a new token is kept. */
function refresh() {
  if (!state.refreshing) state.refreshing = renew().finally(() => { state.refreshing = null; });
  return state.refreshing;
}

async function renew() {
  const refreshToken = sessionStorage.getItem('refreshToken');
  if (!refreshToken || !state.config) return false;
  try {
    const response = await fetch(tokenEndpoint(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: state.config.clientId, refresh_token: refreshToken })
    });
    if (!response.ok) return false;
    keepTokens(await response.json());
    return true;
  } catch (e) {
    return false;
  }
}

/** After a reload: the tab's tokens still count; renew now if it is due, else when it will be. */
async function resumeSession() {
  const token = accessToken();
  if (!token) return;
  state.claims = claimsOf(token);
  if (Date.now() < Number(sessionStorage.getItem('tokenRefreshAt') || 0)) {
    scheduleRefresh();
    return;
  }
  if (await refresh()) return;
  if (state.claims.exp * 1000 < Date.now()) {
    forgetTokens();
    state.claims = null;
  }
}

const SESSION_ENDED = '登录已过期，即将转到登录页面；已填写的内容会在重新登录后恢复。';

/** Keycloak refused the renewal: the session is over. What the user typed is kept and put back after signing in. */
function sessionEnded() {
  if (state.ending) return;
  state.ending = true;
  const user = state.claims && state.claims.sub;
  forgetTokens();
  show(SESSION_ENDED, true);
  setTimeout(() => { saveDrafts(user); login(); }, 1500);
}

// ---------- drafts: forms filled when the session ended, back after signing in again ----------

const formKey = (form) => form.id || form.className + ':' + (form.dataset.id || '');

/**
 * What the user changed in the view's forms (not what the page filled in), per form, with the page it
 * was on and who typed it: only the same user gets it back (a shared workstation's next user does not).
 */
function saveDrafts(user) {
  const forms = {};
  document.querySelectorAll('#view form').forEach((form) => {
    const fields = {};
    Array.from(form.elements).forEach((field) => {
      if (!field.name) return;
      if (field.type === 'checkbox' || field.type === 'radio') {
        if (field.checked !== field.defaultChecked) fields[field.name] = field.checked;
      } else if (field.tagName === 'SELECT') {
        if (Array.from(field.options).some((o) => o.selected !== o.defaultSelected)) fields[field.name] = field.value;
      } else if (field.value !== field.defaultValue) {
        fields[field.name] = field.value;
      }
    });
    if (Object.keys(fields).length) forms[formKey(form)] = fields;
  });
  if (Object.keys(forms).length && user) sessionStorage.setItem('drafts', JSON.stringify({ hash: location.hash, user, forms }));
}

/** Puts the drafts back once their page is drawn again; says so when that changed anything. */
function restoreDrafts() {
  const drafts = JSON.parse(sessionStorage.getItem('drafts') || 'null');
  if (!drafts || !state.claims) return;
  if (drafts.user !== state.claims.sub) {
    sessionStorage.removeItem('drafts');
    return;
  }
  if (drafts.hash !== location.hash) return;
  sessionStorage.removeItem('drafts');
  let restored = 0;
  document.querySelectorAll('#view form').forEach((form) => {
    Object.entries(drafts.forms[formKey(form)] || {}).forEach(([name, value]) => {
      const field = form.elements.namedItem(name);
      if (!field) return;
      const property = typeof value === 'boolean' ? 'checked' : 'value';
      if (field[property] !== value) {
        field[property] = value;
        restored++;
      }
    });
  });
  if (restored) show('登录已过期，重新登录后已恢复您之前填写的内容，请核对后再提交。');
}

const roles = () => (state.claims && state.claims.realm_access && state.claims.realm_access.roles) || [];
const hasRole = (...wanted) => wanted.some((r) => roles().includes(r));
const me = () => state.claims && state.claims.preferred_username;
/** A day in China as YYYY-MM-DD, {@code days} from today. */
const chinaDay = (days = 0) => new Date(Date.now() + days * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const division = () => {
  const d = state.claims && state.claims.division;
  return Array.isArray(d) ? d[0] : d;
};

// ---------- layout ----------

function renderChrome() {
  const links = [];
  if (hasRole('analyst', 'county-approver', 'township-reviewer', 'admin')) links.push(['#/dashboard', '驾驶舱']);
  if (hasRole(...CIVIL_AFFAIRS)) links.push(['#/workbench', '民政工作台']);
  if (Object.keys(OFFICER_BUREAUS).some((r) => hasRole(r))) links.push(['#/tasks', '任务收件箱']);
  links.push(['#/public', '公开数据']);
  $('#nav').innerHTML = links.map(([href, text]) =>
    `<a href="${href}" class="${location.hash.startsWith(href) ? 'active' : ''}">${text}</a>`).join('');
  if (state.claims) {
    const label = roles().map((r) => ROLE_LABELS[r]).filter(Boolean).join('、');
    $('#user').innerHTML = `<span data-testid="who">${esc(state.claims.preferred_username)}（${esc(label)} · ${esc(division())}）</span>`
      + '<button class="secondary" id="logout">退出</button>';
    $('#logout').onclick = logout;
  } else {
    $('#user').innerHTML = '<button id="login-top">登录</button>';
    $('#login-top').onclick = login;
  }
}

function defaultRoute() {
  if (hasRole('analyst', 'county-approver', 'township-reviewer', 'admin')) return '#/dashboard';
  if (hasRole(...CIVIL_AFFAIRS)) return '#/workbench';
  if (Object.keys(OFFICER_BUREAUS).some((r) => hasRole(r))) return '#/tasks';
  return '#/public';
}

/**
 * Each navigation gets a number; a view whose data arrives after a newer navigation started does not
 * draw (an older, slower answer must not overwrite the page the user asked for last).
 */
const stale = (seq) => seq !== state.seq;

async function route() {
  const seq = ++state.seq;
  renderChrome();
  const hash = location.hash || '';
  const view = $('#view');
  if (hash.startsWith('#/public')) return publicView(view, seq);
  if (!accessToken()) {
    $('#login') && ($('#login').onclick = login);
    return;
  }
  if (hash === '' || hash === '#/') {
    location.hash = defaultRoute();
    return;
  }
  const [, page, id] = hash.split('?')[0].split('/');
  try {
    if (page === 'dashboard') await dashboardView(view, seq);
    else if (page === 'workbench') await workbenchView(view, seq);
    else if (page === 'case') await caseView(view, id, seq);
    else if (page === 'tasks') await tasksView(view, seq);
    else if (page === 'household') await householdView(view, id, seq);
    else view.innerHTML = '<section><h2>页面不存在</h2></section>';
    if (!stale(seq)) restoreDrafts();
  } catch (e) {
    if (e.message !== SESSION_ENDED && !stale(seq)) view.innerHTML = `<section><h2>无法加载</h2><p data-testid="load-error">${esc(e.message)}</p></section>`;
  }
}

function chart(element, option) {
  if (!window.echarts) return;
  const instance = echarts.init(element);
  // tooltips drawn on the canvas: ECharts' HTML tooltips carry inline style attributes, which the
  // Content-Security-Policy (style-src 'self') refuses
  instance.setOption(Object.assign({ animation: false, tooltip: { renderMode: 'richText' } }, option));
}

// ---------- 驾驶舱 dashboards ----------

async function dashboardView(view, seq) {
  const area = new URLSearchParams(location.hash.split('?')[1] || '').get('area');
  const [board, league, parameters] = await Promise.all([
    api('/api/console/dashboard' + (area ? '?area=' + area : '')),
    hasRole('analyst', 'county-approver', 'admin') ? api('/api/monitoring/league-table') : Promise.resolve([]),
    api('/api/monitoring/parameters')
  ]);
  const lastMonth = new Date(); lastMonth.setDate(1); lastMonth.setMonth(lastMonth.getMonth() - 1);
  const month = lastMonth.toISOString().slice(0, 7);
  const feed = await api('/api/medical-insurance/feed-completeness?month=' + month).catch(() => null);
  if (stale(seq)) return;
  const monitored = board.byArea.reduce((sum, a) => sum + a.monitored, 0);
  const f = board.funnel;
  view.innerHTML = `
    <section>
      <h2>防返贫监测驾驶舱 <span class="note">范围：${esc(board.area)}${area ? ' · <a href="#/dashboard">返回上级</a>' : ''}</span></h2>
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
        ${board.byArea.map((a) => `<tr><td>${a.code.length < 12 ? `<a href="#/dashboard?area=${a.code}">${esc(a.name)}</a>` : esc(a.name)}</td>
          <td class="num">${num(a.households)}</td><td class="num" data-testid="area-${a.code}-monitored">${num(a.monitored)}</td>
          <td class="num">${num(a.eliminated)}</td></tr>`).join('')}</table></section>
      <section><h3>按农户类别</h3><div class="chart" id="chart-category"></div>
        <table data-testid="by-category"><tr><th>类别</th><th class="num">登记户</th><th class="num">在监测</th></tr>
        ${board.byCategory.map((c) => `<tr><td>${esc(c.label)}</td><td class="num" data-testid="category-${c.category}">${num(c.households)}</td>
          <td class="num">${num(c.monitored)}</td></tr>`).join('')}</table></section>
      <section><h3>每月新增预警</h3><div class="chart" id="chart-month"></div>
        <table data-testid="alerts-per-month"><tr><th>月份</th><th class="num">预警</th></tr>
        ${board.alertsPerMonth.map((m) => `<tr><td>${m.month}</td><td class="num" data-testid="alerts-${m.month}">${num(m.alerts)}</td></tr>`).join('')}</table></section>
      <section><h3>风险类型</h3><div class="chart" id="chart-risk"></div>
        <table data-testid="risk-types"><tr><th>风险</th><th class="num">预警数</th></tr>
        ${board.riskTypes.map((r) => `<tr><td>${esc(r.label)}</td><td class="num" data-testid="risk-${r.riskType}">${num(r.alerts)}</td></tr>`).join('')}</table></section>
    </div>
    <section><h3>压实责任：各部门帮扶任务办理情况</h3>
      <table data-testid="league-table"><tr><th>部门</th><th>县区</th><th class="num">任务</th><th class="num">办理中</th><th class="num">按期办结</th>
        <th class="num">超期办结</th><th class="num">逾期未办</th><th class="num">提级督办</th><th class="num">按期率</th></tr>
      ${league.map((l) => `<tr data-testid="league-${l.bureau}-${l.county}"><td>${esc(BUREAU_LABELS[l.bureau] || l.bureau)}</td><td>${esc(l.county)}</td>
        <td class="num" data-testid="league-${l.bureau}-${l.county}-total">${num(l.total)}</td><td class="num">${num(l.open)}</td>
        <td class="num">${num(l.closedOnTime)}</td><td class="num">${num(l.closedLate)}</td>
        <td class="num" data-testid="league-${l.bureau}-${l.county}-overdue">${num(l.overdueOpen)}</td><td class="num">${num(l.escalated)}</td>
        <td class="num">${l.onTimeRate == null ? '—' : (Number(l.onTimeRate) * 100).toFixed(1) + '%'}</td></tr>`).join('')
        || '<tr><td colspan="9">暂无帮扶任务</td></tr>'}</table></section>
    <div class="grid">
      <section><h3>监测线（元/人·年）</h3><div class="chart" id="chart-line"></div>
        <table data-testid="monitoring-line"><tr><th>起始日期</th><th class="num">监测线</th></tr>
        ${parameters.filter((p) => p.name === 'monitoring.line' && p.scope === '*').map((p) =>
          `<tr><td>${p.effectiveFrom}</td><td class="num" data-testid="line-${p.effectiveFrom.slice(0, 4)}">${yuan(p.value)}</td></tr>`).join('')}</table></section>
      <section><h3>医保结算数据报送（${month}）</h3>
        ${feed ? `<p class="note">截止日期 ${feed.deadline}</p><table data-testid="feed"><tr><th>县区</th><th class="num">按时</th><th class="num">逾期</th><th>状态</th></tr>
        ${feed.counties.map((c) => `<tr><td>${esc(c.name)}</td><td class="num">${num(c.onTime)}</td><td class="num">${num(c.late)}</td>
          <td data-testid="feed-${c.county}">${{ ON_TIME: '按时报送', LATE: '逾期报送', MISSING: '未报送', PENDING: '未到截止日' }[c.state]}</td></tr>`).join('')}</table>`
          : '<p class="note">暂无报送数据</p>'}</section>
    </div>`;
  chart($('#chart-area'), { xAxis: { type: 'category', data: board.byArea.map((a) => a.name) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', name: '在监测', data: board.byArea.map((a) => a.monitored), color: '#a61b1b' }] });
  chart($('#chart-category'), { series: [{ type: 'pie', radius: '65%',
    data: board.byCategory.filter((c) => c.households > 0).map((c) => ({ name: c.label, value: c.households })) }] });
  chart($('#chart-month'), { xAxis: { type: 'category', data: board.alertsPerMonth.map((m) => m.month) }, yAxis: { type: 'value' },
    series: [{ type: 'line', name: '预警', data: board.alertsPerMonth.map((m) => m.alerts), color: '#a61b1b' }] });
  chart($('#chart-risk'), { yAxis: { type: 'category', data: board.riskTypes.map((r) => r.label) }, xAxis: { type: 'value' },
    series: [{ type: 'bar', data: board.riskTypes.map((r) => r.alerts), color: '#d97706' }] });
  const line = parameters.filter((p) => p.name === 'monitoring.line' && p.scope === '*');
  chart($('#chart-line'), { xAxis: { type: 'category', data: line.map((p) => p.effectiveFrom.slice(0, 4)) }, yAxis: { type: 'value', min: 6000 },
    series: [{ type: 'line', step: 'start', data: line.map((p) => p.value), color: '#a61b1b' }] });
}

// ---------- 民政工作台 civil-affairs workbench ----------

async function workbenchView(view, seq) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const page = Number(params.get('page') || 0);
  const query = new URLSearchParams({ page, size: 20 });
  ['status', 'riskType', 'q'].forEach((k) => params.get(k) && query.set(k, params.get(k)));
  if (params.get('overdue') === 'true') query.set('overdue', 'true');
  const [result, awaiting] = await Promise.all([api('/api/social-assistance/cases?' + query), awaitingMe()]);
  if (stale(seq)) return;
  view.innerHTML = `${awaiting ? awaitingSection(awaiting) : ''}
    <section>
      <h2>民政工作台 · 救助个案</h2>
      <form class="inline" id="filters">
        <label>状态<select name="status"><option value="">全部</option><option value="OPEN">办理中</option><option value="CLOSED">已办结</option></select></label>
        <label>风险类型<select name="riskType"><option value="">全部</option>${Object.entries(RISK_LABELS).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
        <label>搜索（姓名或身份证号后几位）<input name="q" data-testid="search" maxlength="30"></label>
        <label><span><input type="checkbox" name="overdue" value="true"> 只看逾期</span></label>
        <button type="submit" data-testid="search-button">查询</button>
      </form>
      <table data-testid="queue"><tr><th>户主</th><th>区划</th><th>风险</th><th>状态</th><th>办理期限</th><th>收到时间</th></tr>
      ${result.items.map((c) => `<tr data-testid="case-row"><td><a href="#/case/${c.caseId}" data-testid="case-link">${esc(c.headName || '（农户信息同步中）')}</a></td>
        <td>${esc(c.divisionCode)}</td><td>${c.riskTypes.map((r) => RISK_LABELS[r] || r).join('、')}</td>
        <td>${STATUS_LABELS[c.status] || c.status}</td><td>${c.dueDate}</td><td>${date(c.openedAt)}</td></tr>`).join('')
        || '<tr><td colspan="6">没有符合条件的个案</td></tr>'}</table>
      <div class="pager"><span data-testid="total">共 ${result.total} 件</span>
        ${page > 0 ? `<a href="#" id="prev">上一页</a>` : ''} 第 ${page + 1} 页
        ${(page + 1) * result.size < result.total ? `<a href="#" id="next">下一页</a>` : ''}</div>
    </section>`;
  const form = $('#filters');
  ['status', 'riskType', 'q'].forEach((k) => { if (params.get(k)) form[k].value = params.get(k); });
  form.overdue.checked = params.get('overdue') === 'true';
  const go = (p) => {
    const next = new URLSearchParams();
    ['status', 'riskType', 'q'].forEach((k) => form[k].value && next.set(k, form[k].value.trim()));
    if (form.overdue.checked) next.set('overdue', 'true');
    if (p) next.set('page', p);
    location.hash = '#/workbench?' + next;
  };
  form.onsubmit = (e) => { e.preventDefault(); go(0); };
  $('#prev') && ($('#prev').onclick = (e) => { e.preventDefault(); go(page - 1); });
  $('#next') && ($('#next').onclick = (e) => { e.preventDefault(); go(page + 1); });
  bindDecisionForms();
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
    reviewer && township ? api('/api/social-assistance/reserve-funds/' + township + '/payouts/awaiting-review?size=100')
      .catch(() => none) : none
  ]);
  return { reviewer, approver, applications: submitted.items.concat(reviewed.items),
    applicationsTotal: submitted.total + reviewed.total, grants, payouts, township };
}

/** "共 N 件", and how many of them the list shows when there are more than one page holds. */
function shownOf(page, testid) {
  const more = page.total > page.items.length ? `，此处显示前 ${page.items.length} 件` : '';
  return `<p class="note" data-testid="${testid}">共 ${page.total} 件${more}</p>`;
}

function awaitingSection(a) {
  const steps = [a.reviewer ? '审核' : null, a.approver ? '审批' : null].filter(Boolean).join('、');
  return `<section data-testid="awaiting-me"><h2>待我${steps}</h2>
    <h3>低保 / 特困申请</h3>
    ${a.applications.map(applicationCard).join('') || '<p class="note">暂无待办申请</p>'}
    ${a.applicationsTotal > a.applications.length ? shownOf({ items: a.applications, total: a.applicationsTotal }, 'applications-total') : ''}
    ${a.reviewer ? `<h3>30天内到期复核的待遇</h3>${grantTable(a.grants.items)}${a.grants.total ? shownOf(a.grants, 'grants-due-total') : ''}` : ''}
    ${a.reviewer && a.township ? `<h3>待审核的临时救助支付（${esc(a.township)} 乡镇备用金）</h3>${payoutTable(a.township, a.payouts.items)}${a.payouts.total ? shownOf(a.payouts, 'payouts-total') : ''}` : ''}
  </section>`;
}

/**
 * An application with who took each step; the review form for a reviewer and the decision form for an
 * approver, never to whoever took an earlier step on it (the service refuses them too).
 */
function applicationCard(a) {
  const mine = me();
  const canReview = a.status === 'SUBMITTED' && hasRole('civil-affairs-reviewer') && a.submittedBy !== mine;
  const canDecide = a.status === 'REVIEWED' && hasRole('civil-affairs-approver') && a.submittedBy !== mine
    && a.reviewedBy !== mine;
  const ownStep = (a.status === 'SUBMITTED' && hasRole('civil-affairs-reviewer') && !canReview)
    || (a.status === 'REVIEWED' && hasRole('civil-affairs-approver') && !canDecide);
  return `<div data-testid="application"><p>${a.programme === 'DIBAO' ? '低保' : '特困供养'}申请 ·
    <b data-testid="application-status">${STATUS_LABELS[a.status] || a.status}</b>
    ${a.determination ? ` · 月保障金 <b data-testid="monthly-amount">${yuan(a.determination.monthlyAmount)}</b> 元` : ''}
    ${a.caseId && !location.hash.startsWith('#/case/') ? ` · <a href="#/case/${a.caseId}" data-testid="application-case">查看个案</a>` : ''}</p>
    <p class="note" data-testid="application-steps">受理：${esc(a.submittedBy)}（${date(a.submittedAt)}）${a.reviewedBy
      ? ` · 审核：<span data-testid="reviewed-by">${esc(a.reviewedBy)}</span>（${a.reviewRecommends ? '同意' : '不同意'}）` : ''}${a.decidedBy
      ? ` · 审批：<span data-testid="decided-by">${esc(a.decidedBy)}</span>（${esc(a.decidedOn)}）` : ''}</p>
    ${a.reviewOpinion ? `<p class="note">审核意见：${esc(a.reviewOpinion)}</p>` : ''}
    ${a.determination ? `<p class="note" data-testid="explanation">${esc(a.determination.explanation)}</p>` : ''}
    ${a.decisionReason ? `<p class="note">审批理由：${esc(a.decisionReason)}</p>` : ''}
    ${canReview ? `<form class="inline app-review" data-id="${a.id}">
      <label>审核意见<select name="recommend" data-testid="review-recommend"><option value="true">同意，报县民政局审批</option><option value="false">不同意</option></select></label>
      <label>理由<input name="opinion" size="40" data-testid="review-opinion" required></label>
      <button type="submit" data-testid="review-submit">提交审核</button></form>` : ''}
    ${canDecide ? `<form class="inline decision" data-id="${a.id}">
      <label>审批结论<select name="approve" data-testid="decision-approve"><option value="true">批准</option><option value="false">不予批准</option></select></label>
      <label>理由<input name="reason" size="40" data-testid="decision-reason" required></label>
      <button type="submit" data-testid="decision-submit">提交审批</button></form>` : ''}
    ${ownStep ? '<p class="note" data-testid="own-step">您已办理该申请的前一环节，须由他人审核、审批（职责分离）。</p>' : ''}</div>`;
}

function grantTable(grants) {
  if (!grants.length) return '<p class="note">暂无到期复核的待遇</p>';
  return `<table data-testid="grants-due"><tr><th>项目</th><th>区划</th><th class="num">月发放（元）</th><th>复核期限</th><th>原因</th><th>复核</th></tr>
    ${grants.map((g) => `<tr data-testid="grant-due"><td>${g.programme === 'DIBAO' ? '低保' : '特困供养'}</td><td>${esc(g.divisionCode)}</td>
      <td class="num">${yuan(g.monthlyAmount)}</td><td>${esc(g.nextReview)}</td><td>${g.reviewReason ? '成员减少' : '定期复核'}</td>
      <td><form class="inline grant-review" data-id="${g.id}">
        <select name="eligible"><option value="true">仍符合条件</option><option value="false">不再符合（下月起停发）</option></select>
        <input name="reason" placeholder="复核理由" required><button type="submit">提交复核</button></form></td></tr>`).join('')}</table>`;
}

/** Payouts waiting for their review; the review form for a reviewer who did not record the payout. */
function payoutTable(township, payouts) {
  if (!payouts.length) return '<p class="note">暂无待审核的支付</p>';
  return `<table data-testid="payouts-awaiting"><tr><th>记录时间</th><th class="num">金额（元）</th><th>状态</th><th>事由</th><th>经办人</th><th>审核</th></tr>
    ${payouts.map((m) => `<tr data-testid="payout-awaiting"><td>${date(m.recordedAt)}</td><td class="num">${yuan(m.amount)}</td>
      <td>${m.greenChannel ? '绿色通道，已先行支付' : PAYOUT_LABELS[m.status] || esc(m.status)}</td><td>${esc(m.reason)}</td>
      <td>${esc(m.recordedBy)}</td>
      <td>${!hasRole('civil-affairs-reviewer') ? '' : m.recordedBy === me() ? '<span class="note">本人经办，须由其他审核员审核</span>'
        : `<form class="inline payout-review" data-township="${esc(township)}" data-id="${m.id}">
          <select name="approve"><option value="true">${m.greenChannel ? '核查属实' : '同意支付'}</option><option value="false">${m.greenChannel ? '核查不属实' : '不予支付'}</option></select>
          <input name="note" placeholder="审核意见" required><button type="submit">提交审核</button></form>`}</td></tr>`).join('')}</table>`;
}

function bindDecisionForms() {
  const on = (selector, path, body, done) => document.querySelectorAll(selector).forEach((form) => form.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await api(path(form), { method: 'POST', body: JSON.stringify(body(form)) });
      show(done);
      route();
    } catch (err) { show(err.message, true); }
  });
  on('form.app-review', (f) => '/api/social-assistance/applications/' + f.dataset.id + '/review',
    (f) => ({ recommend: f.recommend.value === 'true', opinion: f.opinion.value }), '审核完成，已报县民政局审批。');
  on('form.decision', (f) => '/api/social-assistance/applications/' + f.dataset.id + '/decision',
    (f) => ({ approve: f.approve.value === 'true', reason: f.reason.value }), '审批完成。');
  on('form.grant-review', (f) => '/api/social-assistance/grants/' + f.dataset.id + '/reviews',
    (f) => ({ eligible: f.eligible.value === 'true', reason: f.reason.value }), '复核已记录。');
  on('form.payout-review', (f) => '/api/social-assistance/reserve-funds/' + f.dataset.township + '/payouts/' + f.dataset.id + '/review',
    (f) => ({ approve: f.approve.value === 'true', note: f.note.value }), '审核已记录。');
}

async function caseView(view, caseId, seq) {
  const detail = await api('/api/social-assistance/cases/' + caseId);
  const [timeline, applications] = await Promise.all([
    api('/api/console/households/' + detail.householdId + '/timeline').catch(() => []),
    api('/api/social-assistance/applications?size=100&caseId=' + caseId).then((p) => p.items)
  ]);
  const township = detail.divisionCode.slice(0, 9);
  const [fund, payouts] = await Promise.all([
    api('/api/social-assistance/reserve-funds/' + township).catch(() => null),
    api('/api/social-assistance/reserve-funds/' + township + '/payouts/awaiting-review?size=100&householdId=' + detail.householdId)
      .then((p) => p.items).catch(() => [])
  ]);
  const operator = hasRole('civil-affairs-operator');
  if (stale(seq)) return;
  const everyone = (detail.household && detail.household.members) || [];
  // members who died or moved away stay on the page for history; a new application names only those still in the household
  const members = everyone.filter((m) => m.status !== 'LEFT');
  view.innerHTML = `
    <section>
      <h2>救助个案 · <span data-testid="case-head">${esc(detail.household ? detail.household.headName : '')}</span>
        <span class="badge" data-testid="case-status">${STATUS_LABELS[detail.status] || detail.status}</span></h2>
      <p>${detail.riskTypes.map((r) => RISK_LABELS[r] || r).join('、')} · 办理期限 ${detail.dueDate} · 区划 ${esc(detail.divisionCode)}</p>
      <p class="note">${esc(detail.explanation)}</p>
      <table data-testid="members"><tr><th>姓名</th><th>身份证号</th><th>关系</th><th>劳动能力</th><th>状态</th></tr>
      ${everyone.map((m) => `<tr><td>${esc(m.name)}</td><td data-testid="masked-id">${esc(m.maskedIdNumber)}</td><td>${esc(m.relationship)}</td>
        <td>${CAPACITY_LABELS[m.labourCapacity] || esc(m.labourCapacity)}</td>
        <td>${m.status === 'LEFT' ? '已减少（' + esc(m.leftOn) + '）' : '在户'}</td></tr>`).join('')}</table>
      <p><a href="#/household/${detail.householdId}">农户档案与全部动态</a></p>
    </section>
    <section>
      <h3>低保 / 特困申请</h3>
      ${applications.map(applicationCard).join('')}
      ${operator && detail.status === 'OPEN'
        && !applications.some((a) => ['SUBMITTED', 'REVIEWED', 'GRANTED'].includes(a.status)) ? `
      <form id="apply">
        <p><label>救助项目<select name="programme" data-testid="programme"><option value="DIBAO">低保（全户）</option><option value="TEKUN">特困供养（一人）</option></select></label></p>
        <table><tr><th>成员</th><th>劳动能力</th><th>本人年收入（元）</th><th>其中基础养老金</th><th>未满16周岁</th><th>保障对象</th></tr>
        ${members.map((m, i) => `<tr><td>${esc(m.name)}</td>
          <td><select name="capacity-${i}">${Object.entries(CAPACITY_LABELS).map(([k, v]) => `<option value="${k}" ${m.labourCapacity === k ? 'selected' : ''}>${v}</option>`).join('')}</select></td>
          <td><input name="income-${i}" type="number" min="0" step="0.01" value="0" data-testid="member-income"></td>
          <td><input name="pension-${i}" type="number" min="0" step="0.01" value="0"></td>
          <td><input name="child-${i}" type="checkbox"></td><td><input name="covered-${i}" type="checkbox"></td></tr>`).join('')}</table>
        <p class="note">低保不勾选保障对象即为全户；只勾选部分成员为单人保。特困须勾选一人。</p>
        <div class="form inline">
          <label>家庭年收入<input name="totalIncome" type="number" min="0" step="0.01" value="0" data-testid="total-income"></label>
          <label>其中基础养老金<input name="basicPension" type="number" min="0" step="0.01" value="0"></label>
          <label>因病支出<input name="illnessSpending" type="number" min="0" step="0.01" value="0" data-testid="illness"></label>
          <label>因学支出<input name="schoolingSpending" type="number" min="0" step="0.01" value="0"></label>
          <label>就业成本<input name="employmentCosts" type="number" min="0" step="0.01" value="0"></label>
        </div>
        <p><button type="submit" data-testid="apply-submit">受理申请</button></p>
      </form>` : ''}
    </section>
    <section>
      <h3>临时救助（${esc(township)} 乡镇备用金）</h3>
      <p>备用金余额：<b data-testid="fund-balance">${fund ? yuan(fund.balance) + ' 元' : '尚未设立'}</b></p>
      ${operator && fund && detail.status === 'OPEN' ? `<form class="inline" id="payout">
        <label>金额（元）<input name="amount" type="number" min="0.01" step="0.01" required data-testid="payout-amount"></label>
        <label>事由<input name="reason" required size="30" data-testid="payout-reason"></label>
        <label><span><input type="checkbox" name="greenChannel"> 绿色通道（先救助后审核）</span></label>
        <button type="submit" data-testid="payout-submit">提交支付</button></form>
        <p class="note">绿色通道立即支付、事后由乡镇审核员审核；其他支付经乡镇审核员审核同意后支付。</p>` : ''}
      ${payouts.length ? `<h4>待审核的支付</h4>${payoutTable(township, payouts)}` : ''}
    </section>
    ${detail.status === 'OPEN' ? (operator ? `<section><h3>办结</h3><form class="inline" id="close">
      <label>办结情况<input name="outcome" size="50" required data-testid="close-outcome"></label>
      <button type="submit" data-testid="close-submit">办结个案</button></form></section>` : '') : `<section><h3>办结情况</h3><p>${esc(detail.outcome || '')}</p></section>`}
    <section><h3>农户动态</h3>${timelineList(timeline)}</section>`;

  const apply = $('#apply');
  if (apply) apply.onsubmit = async (e) => {
    e.preventDefault();
    const memberFacts = members.map((m, i) => ({
      personId: m.personId, capacity: apply['capacity-' + i].value, ownYearlyIncome: apply['income-' + i].value || 0,
      ownBasicPension: apply['pension-' + i].value || 0, underSixteen: apply['child-' + i].checked
    }));
    const covered = members.filter((m, i) => apply['covered-' + i].checked).map((m) => m.personId);
    try {
      await api('/api/social-assistance/applications', { method: 'POST', body: JSON.stringify({
        householdId: detail.householdId, caseId, programme: apply.programme.value, coveredPersons: covered,
        declaration: { totalIncome: apply.totalIncome.value || 0, basicPension: apply.basicPension.value || 0,
          illnessSpending: apply.illnessSpending.value || 0, schoolingSpending: apply.schoolingSpending.value || 0,
          employmentCosts: apply.employmentCosts.value || 0 },
        members: memberFacts }) });
      show('申请已受理，待乡镇审核员审核。');
      route();
    } catch (err) { show(err.message, true); }
  };
  bindDecisionForms();
  const payout = $('#payout');
  if (payout) payout.onsubmit = async (e) => {
    e.preventDefault();
    try {
      const result = await api('/api/social-assistance/reserve-funds/' + township + '/payouts', { method: 'POST',
        body: JSON.stringify({ requestId: crypto.randomUUID(), householdId: detail.householdId, caseId,
          amount: payout.amount.value, reason: payout.reason.value, greenChannel: payout.greenChannel.checked }) });
      show(result.payout && result.payout.status === 'PENDING' ? '已记录，待乡镇审核员审核同意后支付。'
        : '已支付，备用金余额 ' + yuan(result.balance) + ' 元。');
      route();
    } catch (err) { show(err.message, true); }
  };
  const close = $('#close');
  if (close) close.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await api('/api/social-assistance/cases/' + caseId + '/close', { method: 'POST', body: JSON.stringify({ outcome: close.outcome.value }) });
      show('个案已办结。');
      route();
    } catch (err) { show(err.message, true); }
  };
}

function timelineList(lines) {
  if (!lines.length) return '<p class="note">暂无动态</p>';
  return '<ol class="timeline" data-testid="timeline">' + lines.map((l) =>
    `<li><time>${date(l.occurredAt)}</time>${esc(l.summary)}</li>`).join('') + '</ol>';
}

// ---------- 任务收件箱 bureaus without a service ----------

async function tasksView(view, seq) {
  const role = Object.keys(OFFICER_BUREAUS).find((r) => hasRole(r));
  const bureau = OFFICER_BUREAUS[role];
  const page = Number(new URLSearchParams(location.hash.split('?')[1] || '').get('page') || 0);
  const result = await api('/api/monitoring/assignments?' + new URLSearchParams({ bureau, page, size: 50 }));
  if (stale(seq)) return;
  view.innerHTML = `<section><h2>${BUREAU_LABELS[bureau]} · 帮扶任务收件箱</h2>
    <table data-testid="tasks"><tr><th>农户</th><th>区划</th><th>期限</th><th>状态</th><th>办理</th></tr>
    ${result.items.map((t) => `<tr data-testid="task"><td><a href="#/household/${t.householdId}">${t.householdId.slice(0, 8)}</a></td>
      <td>${esc(t.divisionCode)}</td><td>${t.dueDate} ${t.overdue ? '<span class="badge overdue">逾期</span>' : ''}</td>
      <td>${STATUS_LABELS[t.status] || t.status}</td>
      <td>${t.status === 'CLOSED' ? esc(t.outcome || '') : `<form class="inline task" data-id="${t.id}">
        <input name="measure" placeholder="帮扶措施" required><input name="outcome" placeholder="办结情况（可选）">
        <button type="submit">登记</button></form>`}</td></tr>`).join('') || '<tr><td colspan="5">暂无任务</td></tr>'}</table>
    <div class="pager"><span data-testid="tasks-total">共 ${result.total} 条</span>
      ${page > 0 ? `<a href="#/tasks?page=${page - 1}" id="prev">上一页</a>` : ''} 第 ${page + 1} 页
      ${(page + 1) * result.size < result.total ? `<a href="#/tasks?page=${page + 1}" id="next">下一页</a>` : ''}</div></section>`;
  document.querySelectorAll('form.task').forEach((form) => form.onsubmit = async (e) => {
    e.preventDefault();
    try {
      await api('/api/monitoring/assignments/' + form.dataset.id + '/measures', { method: 'POST',
        body: JSON.stringify({ measure: form.measure.value, appliedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) }) });
      if (form.outcome.value) {
        await api('/api/monitoring/assignments/' + form.dataset.id + '/close', { method: 'POST', body: JSON.stringify({ outcome: form.outcome.value }) });
      }
      show('已登记。');
      route();
    } catch (err) { show(err.message, true); }
  });
}

// ---------- 农户档案 household page ----------

async function householdView(view, householdId, seq) {
  const timeline = await api('/api/console/households/' + householdId + '/timeline');
  const household = hasRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')
    ? await api('/api/monitoring/households/' + householdId).catch(() => null) : null;
  if (stale(seq)) return;
  const canReveal = hasRole('pii-reveal');
  view.innerHTML = `<section><h2>农户档案</h2>
    ${household ? `<p>${esc(household.headName)} · ${esc(household.divisionCode)} · ${esc(household.category)}</p>
      <table data-testid="household-members"><tr><th>姓名</th><th>身份证号</th><th>关系</th><th>状态</th></tr>${household.members.map((m) =>
        `<tr><td>${esc(m.name)}</td><td><span data-testid="id-${m.id}">${esc(m.maskedIdNumber)}</span>
          ${canReveal ? ` <button class="secondary reveal" data-member="${m.id}">查看完整号码</button>` : ''}</td>
          <td>${esc(m.relationship)}</td>
          <td>${m.status === 'LEFT' ? '已减少（' + esc(m.leftOn) + '）' : '在户'}</td></tr>`).join('')}</table>
      ${canReveal ? '<p class="note">查看完整身份证号须填写理由，每次查看均留痕备查。</p>' : ''}` : ''}
    </section><section><h3>信号、认定、预警、任务与措施</h3>${timelineList(timeline)}</section>`;
  document.querySelectorAll('button.reveal').forEach((button) => button.onclick = async () => {
    const reason = prompt('请填写查看完整身份证号的理由（将留痕备查）：');
    if (!reason || !reason.trim()) return;
    try {
      const result = await api('/api/monitoring/households/' + householdId + '/members/' + button.dataset.member + '/reveal',
        { method: 'POST', body: JSON.stringify({ reason }) });
      $('[data-testid="id-' + button.dataset.member + '"]').textContent = result.idNumber;
      button.remove();
    } catch (err) { show(err.message, true); }
  });
}

// ---------- 公开数据 public view ----------

async function publicView(view, seq) {
  const rows = await api('/api/console/public/summary');
  if (stale(seq)) return;
  view.innerHTML = `<section><h2>公开数据 · 各县区在监测户数</h2>
    <table data-testid="public-summary"><tr><th>县区</th><th class="num">在监测户数</th></tr>
    ${rows.map((r) => `<tr><td>${esc(r.name)}</td><td class="num" data-testid="public-${r.code}">${r.suppressed ? '少于5户' : num(r.monitored)}</td></tr>`).join('')}</table>
    <p class="note">为保护个人信息，少于5户的数字不予显示。</p></section>`;
}

// ---------- start ----------

(async function start() {
  try {
    state.config = await api('/api/console/public/config');
    await completeLogin();
  } catch (e) {
    show('无法连接登录服务：' + e.message, true);
  }
  await resumeSession();
  window.addEventListener('hashchange', route);
  route();
})();
