// The console's start and its router: one view per route (#/dashboard, #/workbench, #/case/{id},
// #/tasks, #/feeds, #/household/{id}, #/report, #/public), drawn into <main id="view">.
import { html, render } from './html.js';
import { api } from './api.js';
import { SESSION_ENDED, accessToken, completeLogin, login, resumeSession, setConfig, watchActivity } from './auth.js';
import { restoreDrafts } from './drafts.js';
import { show } from './messages.js';
import { navigationStarted, parseRoute, setRouter, stale } from './navigation.js';
import { defaultRoute } from './session.js';
import { renderChrome } from './views/chrome.js';
import { dashboardView } from './views/dashboard.js';
import { workbenchView } from './views/workbench.js';
import { caseView } from './views/case.js';
import { tasksView } from './views/tasks.js';
import { feedsView } from './views/feeds.js';
import { householdView } from './views/household.js';
import { publicView } from './views/public.js';
import { reportView } from './views/report.js';

export async function route() {
  const seq = navigationStarted();
  renderChrome();
  const hash = location.hash || '';
  const view = document.querySelector('#view');
  if (hash.startsWith('#/public')) return publicView(view, seq);
  if (!accessToken()) {
    const button = document.querySelector('#login');
    if (button) button.onclick = login;
    return;
  }
  if (hash === '' || hash === '#/') {
    location.hash = defaultRoute();
    return;
  }
  const { page, id } = parseRoute(hash);
  try {
    if (page === 'dashboard') await dashboardView(view, seq);
    else if (page === 'workbench') await workbenchView(view, seq);
    else if (page === 'case') await caseView(view, id, seq);
    else if (page === 'tasks') await tasksView(view, seq);
    else if (page === 'feeds') await feedsView(view, seq);
    else if (page === 'household') await householdView(view, id, seq);
    else if (page === 'report') await reportView(view, seq);
    else render(view, html`<section><h2>页面不存在</h2></section>`);
    if (!stale(seq)) restoreDrafts();
  } catch (e) {
    if (e.message !== SESSION_ENDED && !stale(seq)) {
      render(view, html`<section><h2>无法加载</h2><p data-testid="load-error">${e.message}</p></section>`);
    }
  }
}

export async function start() {
  watchActivity();
  setRouter(route);
  try {
    setConfig(await api('/api/console/public/config'));
    await completeLogin();
  } catch (e) {
    show('无法连接登录服务：' + e.message, true);
  }
  await resumeSession();
  window.addEventListener('hashchange', route);
  route();
}
