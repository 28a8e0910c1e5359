// Who is signed in: the access token's claims, and what the page offers them. Each user sees their
// division only: the services filter by the token's division; the console never widens it.
import { ROLE_LABELS } from './labels.js';

let current = null;

export const claims = () => current;
export const setClaims = (value) => { current = value; };

export const roles = () => (current && current.realm_access && current.realm_access.roles) || [];
export const hasRole = (...wanted) => wanted.some((r) => roles().includes(r));
export const me = () => current && current.preferred_username;
export const division = () => {
  const d = current && current.division;
  return Array.isArray(d) ? d[0] : d;
};

/** The officers of bureaus without a service of their own, and their bureau: they work from the task inbox and send their bureau's data. */
export const OFFICER_BUREAUS = Object.freeze({
  'education-officer': 'EDUCATION', 'health-officer': 'HEALTH', 'water-officer': 'WATER',
  'agriculture-officer': 'AGRICULTURE', 'disabled-federation-officer': 'DISABLED_PERSONS_FEDERATION'
});

// civil affairs: the operator submits and records, the township reviewer reviews, the county approver
// decides; the services refuse anyone taking two steps on one matter (职责分离), the page offers no such step
export const CIVIL_AFFAIRS = Object.freeze(['civil-affairs-operator', 'civil-affairs-reviewer', 'civil-affairs-approver']);
const DASHBOARD = ['analyst', 'county-approver', 'township-reviewer', 'admin'];
// the December report: the city's analysts and the county approvers who submit it
const REPORT = ['analyst', 'county-approver', 'admin'];

/** The bureau of the signed-in officer, if they are one. */
export const officerBureau = () => OFFICER_BUREAUS[Object.keys(OFFICER_BUREAUS).find((r) => hasRole(r))];

/** The menu for the signed-in user's roles: [hash, text]. */
export function menu() {
  const links = [];
  if (hasRole(...DASHBOARD)) links.push(['#/dashboard', '驾驶舱']);
  if (hasRole(...CIVIL_AFFAIRS)) links.push(['#/workbench', '民政工作台']);
  if (officerBureau()) links.push(['#/tasks', '任务收件箱'], ['#/feeds', '部门数据报送']);
  if (hasRole(...REPORT)) links.push(['#/report', '年度报告']);
  links.push(['#/public', '公开数据']);
  return links;
}

/** Where a signed-in user lands: their first page. */
export const defaultRoute = () => menu()[0][0];

/** The user's roles in Chinese, 民政经办人、… */
export const roleNames = () => roles().map((r) => ROLE_LABELS[r]).filter(Boolean).join('、');
