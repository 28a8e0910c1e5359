import test from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import {
  REFRESH_AT, authorizeQuery, base64url, challengeOf, claimsOf, refreshAtFor
} from '../../main/resources/static/js/auth.js';

const jwt = (claims) => 'eyJhbGciOiJSUzI1NiJ9.' + Buffer.from(JSON.stringify(claims)).toString('base64url') + '.c2ln';

test('shouldMakeTheS256ChallengeOfRfc7636AppendixBWhenGivenItsVerifier', async () => {
  assert.equal(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', webcrypto),
    'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('shouldWriteBase64urlWithoutPaddingWhenEncodingBytes', () => {
  assert.equal(base64url(new Uint8Array([251, 255, 191])), '-_-_');
  assert.equal(base64url(new Uint8Array([1])), 'AQ');
});

test('shouldAskForTheCodeFlowWithPkceWhenSigningIn', () => {
  const query = authorizeQuery('fushun-console', 'https://console.example/', 'challenge', 'state-1');
  assert.equal(query.get('response_type'), 'code');
  assert.equal(query.get('code_challenge_method'), 'S256');
  assert.equal(query.get('code_challenge'), 'challenge');
  assert.equal(query.get('redirect_uri'), 'https://console.example/');
  assert.equal(query.get('state'), 'state-1');
  assert.equal(query.get('scope'), 'openid');
});

test('shouldReadChineseClaimsWhenTheTokenCarriesThem', () => {
  const claims = { sub: 'u-1', preferred_username: '新宾民政', division: ['210422'], exp: 1900, iat: 1000 };
  assert.deepEqual(claimsOf(jwt(claims)), claims);
});

test('shouldRenewAtSeventyPercentOfTheTokensLifetimeCountedFromNow', () => {
  assert.equal(REFRESH_AT, 0.7);
  // a 15-minute token, whatever the browser's clock says about iat
  assert.equal(refreshAtFor({ iat: 1000, exp: 1900 }, 5_000_000), 5_000_000 + 630_000);
});
