// Forms filled when the session ended, back after signing in again: what the user changed in the view's
// forms (not what the page filled in), per form, with the page it was on and who typed it; only the same
// user gets it back (a shared workstation's next user does not).
import { claims } from './session.js';
import { show } from './messages.js';

/** A form's name among the view's forms: its id, or its class and the id of what it is about. */
export const formKey = (form) => form.id || form.className + ':' + (form.dataset.id || '');

/** The fields of a form whose value differs from what the page put there: { name: value or checked }. */
export function changedFields(form) {
  const fields = {};
  Array.from(form.elements).forEach((field) => {
    // a chosen file cannot be put back: a page may not set a file input (the browser refuses and throws)
    if (!field.name || field.type === 'file') return;
    if (field.type === 'checkbox' || field.type === 'radio') {
      if (field.checked !== field.defaultChecked) fields[field.name] = field.checked;
    } else if (field.tagName === 'SELECT') {
      if (Array.from(field.options).some((o) => o.selected !== o.defaultSelected)) fields[field.name] = field.value;
    } else if (field.value !== field.defaultValue) {
      fields[field.name] = field.value;
    }
  });
  return fields;
}

/** Puts saved fields back into a form; how many it changed. */
export function applyFields(form, fields) {
  let restored = 0;
  Object.entries(fields || {}).forEach(([name, value]) => {
    const field = form.elements.namedItem(name);
    if (!field || field.type === 'file') return;
    const property = typeof value === 'boolean' ? 'checked' : 'value';
    if (field[property] !== value) {
      field[property] = value;
      restored++;
    }
  });
  return restored;
}

const viewForms = () => document.querySelectorAll('#view form');

export function saveDrafts(user) {
  const forms = {};
  viewForms().forEach((form) => {
    const fields = changedFields(form);
    if (Object.keys(fields).length) forms[formKey(form)] = fields;
  });
  if (Object.keys(forms).length && user) sessionStorage.setItem('drafts', JSON.stringify({ hash: location.hash, user, forms }));
}

/** Puts the drafts back once their page is drawn again; says so when that changed anything. */
export function restoreDrafts() {
  const drafts = JSON.parse(sessionStorage.getItem('drafts') || 'null');
  if (!drafts || !claims()) return;
  if (drafts.user !== claims().sub) {
    sessionStorage.removeItem('drafts');
    return;
  }
  if (drafts.hash !== location.hash) return;
  sessionStorage.removeItem('drafts');
  let restored = 0;
  viewForms().forEach((form) => { restored += applyFields(form, drafts.forms[formKey(form)]); });
  if (restored) show('登录已过期，重新登录后已恢复您之前填写的内容，请核对后再提交。');
}
