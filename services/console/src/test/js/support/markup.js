// What a piece of markup would make in a browser, read roughly: its tags and their attribute names.
// Enough to see that hostile data did not become a tag or an attribute.

export const HOSTILE = Object.freeze({
  tag: '<img src=x onerror=alert(1)>',
  script: '</td><script>alert(1)</script>',
  doubleQuote: '" onmouseover="alert(1)',
  singleQuote: "' autofocus onfocus='alert(1)",
  backtick: '`${alert(1)}`',
  entity: '&lt;b&gt;'
});

export const hostileValues = () => Object.values(HOSTILE);

/** [{ tag, attributes: [names] }] of every start tag, quoted attribute values skipped. */
export function tags(markup) {
  const found = [];
  const tag = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  let match;
  while ((match = tag.exec(markup))) {
    const attributes = [];
    const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
    let a;
    while ((a = attribute.exec(match[2]))) attributes.push(a[1].toLowerCase());
    found.push({ tag: match[1].toLowerCase(), attributes });
  }
  return found;
}

/** The markup's tag names, each once. */
export const tagNames = (markup) => [...new Set(tags(markup).map((t) => t.tag))];

/** Attribute names that run script: on… handlers. */
export const handlers = (markup) => tags(markup).flatMap((t) => t.attributes).filter((name) => name.startsWith('on'));

/** The value of the first attribute with this name in a tag carrying marker (an attribute=value string). */
export function attributeOf(markup, marker, name) {
  const start = markup.indexOf(marker);
  if (start < 0) return undefined;
  const open = markup.lastIndexOf('<', start);
  const close = markup.indexOf('>', start);
  const match = new RegExp('\\s' + name + '="([^"]*)"').exec(markup.slice(open, close + 1));
  return match ? match[1] : undefined;
}

/** Text content, roughly: tags removed, the five entities decoded. */
export const textOf = (markup) => String(markup).replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');

/** The text of each table cell, in order. */
export const cells = (markup) => [...String(markup).matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => textOf(m[1]).trim());
