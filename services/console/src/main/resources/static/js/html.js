// Markup that escapes by default. html`<td>${value}</td>` escapes every interpolated value; only a
// fragment made by html`` itself goes in as markup (arrays of fragments too). There is no way to mark
// a string as trusted: markup comes from template literals in the console's own code, data never is.
// render() is the one place that writes markup into the page, and it takes fragments only.
//
// Escaping alone does not make every position safe, so each call site's template is read once and
// a value is refused where escaping would not be enough: unquoted attribute values, the inside of an
// event handler or style attribute, attribute names that are not plain words, a tag name, and a
// javascript: (or any non-web) URL at the start of href, src, action and the like.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
const MADE_HERE = Symbol('html fragment');
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'cite', 'poster', 'background', 'xlink:href']);
/** Attributes whose value is code or styling: nothing from data may go into them. */
const CODE_ATTRIBUTE = /^(?:on.*|style|srcdoc)$/i;
/** A bare attribute name, as in ${checked ? 'checked' : ''}: nothing else fits between attributes. */
const BARE_ATTRIBUTE = /^[a-z]+(?:-[a-z]+)*$/;

/** A piece of markup made by html``; its text is fixed when it is made. */
class Html {
  #text;

  constructor(text, key) {
    if (key !== MADE_HERE) throw new TypeError('markup comes from html`` only');
    this.#text = text;
    Object.freeze(this);
  }

  toString() {
    return this.#text;
  }

  static is(value) {
    return typeof value === 'object' && value !== null && #text in value;
  }
}

/** Text as HTML text or a quoted attribute value: & < > " ' ` escaped. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

export const isHtml = (value) => Html.is(value);

/** Where each interpolation of a template sits, worked out once per call site (its strings array). */
const contexts = new WeakMap();

export function html(strings, ...values) {
  // a tag for template literals only: html(text) or html([text]) would make markup of a string
  if (!Array.isArray(strings) || !Array.isArray(strings.raw) || !Object.isFrozen(strings)) {
    throw new TypeError('html is a tag: html`<p>${value}</p>`');
  }
  let slots = contexts.get(strings);
  if (!slots) {
    slots = slotsOf(strings);
    contexts.set(strings, slots);
  }
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += interpolate(values[i], slots[i]) + strings[i + 1];
  }
  return new Html(out, MADE_HERE);
}

/** Puts a fragment into the element in place of what it held. */
export function render(element, fragment) {
  if (!Html.is(fragment)) throw new TypeError('render takes markup made by html``, not a string');
  element.innerHTML = fragment.toString();
}

function interpolate(value, slot) {
  if (value == null || value === false) return '';
  if (slot.kind === 'text') {
    if (Html.is(value)) return value.toString();
    if (Array.isArray(value)) return value.map((v) => interpolate(v, slot)).join('');
    return escapeHtml(value);
  }
  if (Html.is(value) || Array.isArray(value) || typeof value === 'object') {
    throw new TypeError('markup or a list inside a tag: ' + slot.where);
  }
  const text = String(value);
  if (slot.kind === 'name') {
    if (text === '') return '';
    if (!BARE_ATTRIBUTE.test(text) || CODE_ATTRIBUTE.test(text)) {
      throw new TypeError('not an attribute name: ' + JSON.stringify(text));
    }
    return text;
  }
  if (slot.urlStart && !safeUrl(text)) throw new TypeError('not a web address: ' + JSON.stringify(text));
  return escapeHtml(text);
}

/**
 * Relative addresses and http(s) and mailto ones; browsers ignore leading blanks and any tab or line
 * break in an address, so "java\tscript:" is read as what it is.
 */
export function safeUrl(url) {
  const plain = String(url).replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(plain);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/**
 * Reads the template's static parts as HTML (text, inside a tag, inside a quoted attribute value,
 * a comment) and says for each interpolation whether it is text, an attribute value (which one, and
 * whether at its start) or in a tag's attribute list. A template must end where it began, in text.
 */
function slotsOf(strings) {
  const slots = [];
  let state = 'text';
  let quote = '';
  let attribute = '';
  let valueText = '';
  let seen = '';
  for (let i = 0; i < strings.length; i++) {
    const part = strings[i];
    for (let j = 0; j < part.length; j++) {
      const c = part[j];
      if (state === 'text') {
        if (part.startsWith('<!--', j)) { state = 'comment'; j += 3; }
        else if (c === '<' && /[a-zA-Z/]/.test(part[j + 1] || '')) state = 'tag';
      } else if (state === 'comment') {
        if (part.startsWith('-->', j)) { state = 'text'; j += 2; }
      } else if (state === 'tag') {
        if (c === '>') state = 'text';
        else if (c === '"' || c === "'") {
          state = 'value';
          quote = c;
          valueText = '';
          const name = /([^\s"'<>/=]+)\s*=\s*$/.exec(seen + part.slice(0, j));
          attribute = name ? name[1].toLowerCase() : '';
        }
      } else if (state === 'value') {
        if (c === quote) state = 'tag';
        else valueText += c;
      }
    }
    seen = (seen + part).slice(-200);
    if (i === strings.length - 1) break;
    const where = JSON.stringify(part.slice(-40));
    if (state === 'comment') throw new TypeError('a value inside a comment: ' + where);
    if (state === 'text' && /<\/?$/.test(part)) throw new TypeError('a value as a tag name: ' + where);
    if (state === 'tag' && /=\s*$/.test(part)) throw new TypeError('an unquoted attribute value: ' + where);
    if (state === 'value' && CODE_ATTRIBUTE.test(attribute)) {
      throw new TypeError('a value inside the ' + attribute + ' attribute: ' + where);
    }
    if (state === 'text') slots.push({ kind: 'text', where });
    else if (state === 'tag') slots.push({ kind: 'name', where });
    // a value with no fixed text before it in an address may begin the address: its scheme is checked
    else slots.push({ kind: 'value', where, urlStart: URL_ATTRIBUTES.has(attribute) && valueText === '' });
  }
  if (state !== 'text') {
    throw new TypeError('a template must close its tags and attributes: ' + JSON.stringify(strings.join('…').slice(-60)));
  }
  return slots;
}
