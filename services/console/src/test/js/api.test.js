// The calls' wiring without a browser: a fetch stand-in sees what the console would send.
import test from 'node:test';
import assert from 'node:assert/strict';
import { api, upload } from '../../main/resources/static/js/api.js';

const stored = new Map([['token', 'a.b.c']]);
globalThis.sessionStorage = { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => stored.set(k, v), removeItem: (k) => stored.delete(k) };

/** Answers every call with status and body, keeping what was asked. */
function answering(status, body) {
  const calls = [];
  globalThis.fetch = async (path, options) => {
    calls.push({ path, options });
    return { status, ok: status < 300, headers: { get: () => 'application/json' }, json: async () => body };
  };
  return calls;
}

test('shouldSendAFileWithTheTokenAndLeaveItsContentTypeToTheBrowserWhenUploading', async () => {
  const calls = answering(201, { id: 'i-1' });
  const data = new FormData();
  data.append('asOf', '2026-09-01');
  assert.deepEqual(await upload('/api/monitoring/department-feeds/WATER_CENSUS', data), { status: 201, body: { id: 'i-1' } });
  const [{ path, options }] = calls;
  assert.equal(path, '/api/monitoring/department-feeds/WATER_CENSUS');
  assert.equal(options.method, 'POST');
  assert.equal(options.body, data);
  assert.equal(options.headers['Authorization'], 'Bearer a.b.c');
  assert.equal(options.headers['Content-Type'], undefined, 'the browser adds the multipart boundary');
});

test('shouldTellTheSameFileFromANewOneByTheStatus', async () => {
  answering(200, { id: 'i-1' });
  assert.equal((await upload('/x', new FormData())).status, 200);
});

test('shouldThrowTheProblemsTitleAndDetailWhenTheUploadIsRefused', async () => {
  answering(422, { title: '缺少所需的列', detail: '文件中没有“身份证号”列。' });
  await assert.rejects(upload('/x', new FormData()), (e) => e.status === 422 && e.message === '缺少所需的列：文件中没有“身份证号”列。');
});

test('shouldStillAnswerTheBodyOnlyAndSendJsonAsJson', async () => {
  const calls = answering(200, { items: [] });
  assert.deepEqual(await api('/y', { method: 'POST', body: '{}' }), { items: [] });
  assert.equal(calls[0].options.headers['Content-Type'], 'application/json');
});
