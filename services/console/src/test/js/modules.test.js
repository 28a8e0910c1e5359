// The console's files as a whole: every module loads without a browser, every one is reached from the
// page's entry point, and markup reaches the page only through html.js's render().
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const STATIC = resolve(dirname(fileURLToPath(import.meta.url)), '../../main/resources/static');
const modules = (dir = join(STATIC, 'js')) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? modules(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []);
const source = (file) => readFileSync(file, 'utf8');
const name = (file) => relative(STATIC, file);
/** The modules a module imports, as files. */
const importsOf = (file) => [...source(file).matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)]
  .map((m) => resolve(dirname(file), m[1] || m[2]));

test('shouldLoadEveryModuleWhenThereIsNoBrowser', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const all = modules();
  assert.ok(all.length >= 15, 'the console is split into modules: ' + all.length);
  for (const file of all) await import(pathToFileURL(file));
});

test('shouldReachEveryModuleFromThePagesEntryPoint', () => {
  const page = source(join(STATIC, 'index.html'));
  assert.match(page, /<script type="module" src="\/app.js"><\/script>/);
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    importsOf(file).forEach(walk);
  };
  walk(join(STATIC, 'app.js'));
  const missing = [...seen].filter((file) => { try { source(file); return false; } catch (e) { return true; } });
  assert.deepEqual(missing.map(name), [], 'imported but not there');
  assert.deepEqual(modules().filter((file) => !seen.has(file)).map(name), [], 'never imported');
});

test('shouldWriteMarkupIntoThePageOnlyThroughRender', () => {
  const files = [join(STATIC, 'app.js'), ...modules()];
  for (const file of files) {
    const text = source(file);
    assert.doesNotMatch(text, /insertAdjacentHTML|outerHTML|document\.write|createContextualFragment/, name(file));
    assert.doesNotMatch(text, /\beval\(|new Function|setTimeout\(\s*['"`]/, name(file));
    if (name(file) !== 'js/html.js') assert.doesNotMatch(text, /innerHTML/, name(file));
  }
  // the one sink: a fragment made by html``, never a string
  assert.equal((source(join(STATIC, 'js/html.js')).match(/\.innerHTML\s*=/g) || []).length, 1);
});

test('shouldKeepLabelsInTheLabelsModuleOnly', () => {
  // a Chinese label of a risk type or a bureau written anywhere else would be a copy that can drift
  for (const file of modules().filter((f) => name(f) !== 'js/labels.js')) {
    assert.doesNotMatch(source(file), /因务工就业不稳|义务教育阶段辍学|住房出现安全问题|农业农村局|脱贫不稳定户|残联/, name(file));
  }
});
