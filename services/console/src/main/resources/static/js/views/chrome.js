// The header: the menu for the user's roles, who is signed in, and signing in and out.
import { html, render } from '../html.js';
import { claims, division, menu, roleNames } from '../session.js';
import { login, logout } from '../auth.js';

export const menuLinks = (hash) => menu().map(([href, text]) =>
  html`<a href="${href}" class="${hash.startsWith(href) ? 'active' : ''}">${text}</a>`);

export const whoIs = (who) => html`<span data-testid="who">${who.preferred_username}（${roleNames()} · ${division()}）</span>`;

export function renderChrome() {
  render(document.querySelector('#nav'), html`${menuLinks(location.hash)}`);
  const user = document.querySelector('#user');
  if (claims()) {
    render(user, html`${whoIs(claims())}<button class="secondary" id="logout">退出</button>`);
    document.querySelector('#logout').onclick = logout;
  } else {
    render(user, html`<button id="login-top">登录</button>`);
    document.querySelector('#login-top').onclick = login;
  }
}
