// Days, months and times as they are in China (Asia/Shanghai, UTC+8 all year), whatever the
// browser's own time zone: never toISOString(), which is UTC and a day (or month) behind before 08:00.

export const CHINA = 'Asia/Shanghai';
const DAY_MS = 86400000;

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CHINA, year: 'numeric', month: 'numeric', day: 'numeric',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
});
const DAY = new Intl.DateTimeFormat('zh-CN', { timeZone: CHINA, year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant as a Chinese date and time in China, 2026/12/2 07:30:00; '' for none. */
export function dateTime(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : DATE_TIME.format(date);
}

/** The day in China as YYYY-MM-DD, days after (or before) the day of the given instant. */
export function chinaDay(days = 0, now = new Date()) {
  const parts = Object.fromEntries(DAY.formatToParts(new Date(new Date(now).getTime() + days * DAY_MS))
    .map((p) => [p.type, p.value]));
  return parts.year + '-' + parts.month + '-' + parts.day;
}

/** The month in China as YYYY-MM. */
export const chinaMonth = (now = new Date()) => chinaDay(0, now).slice(0, 7);

/** The month before a YYYY-MM month, as YYYY-MM: 2026-01 gives 2025-12. */
export function previousMonth(month) {
  const [year, number] = month.split('-').map(Number);
  return number === 1 ? (year - 1) + '-12' : year + '-' + String(number - 1).padStart(2, '0');
}

/** Last month in China: the month whose figures are due now (medical insurance's feed). */
export const lastMonthInChina = (now = new Date()) => previousMonth(chinaMonth(now));
