import test from 'node:test';
import assert from 'node:assert/strict';
import { chinaDay, chinaMonth, dateTime, lastMonthInChina, previousMonth } from '../../main/resources/static/js/dates.js';

test('shouldBeDecemberInChinaWhenItIsLateOnTheFirstOfDecemberUtc', () => {
  // 2026-12-02 07:30 in China
  const instant = new Date('2026-12-01T23:30:00Z');
  assert.equal(chinaMonth(instant), '2026-12');
  assert.equal(chinaDay(0, instant), '2026-12-02');
  assert.equal(lastMonthInChina(instant), '2026-11');
});

test('shouldBeDecemberInChinaWhenItIsEarlyOnTheFirstOfDecemberUtc', () => {
  // 2026-12-01 08:30 in China
  const instant = new Date('2026-12-01T00:30:00Z');
  assert.equal(chinaMonth(instant), '2026-12');
  assert.equal(chinaDay(0, instant), '2026-12-01');
  assert.equal(lastMonthInChina(instant), '2026-11');
});

test('shouldBeTheNewMonthInChinaWhenUtcIsStillOnTheLastDayOfTheOldOne', () => {
  // 2026-12-01 07:00 in China, 2026-11-30 23:00 UTC: the first of the month at 07:00 China time,
  // through toISOString(), was 2026-10-31T23:00Z, and the feed panel showed October
  const instant = new Date('2026-11-30T23:00:00Z');
  assert.equal(chinaMonth(instant), '2026-12');
  assert.equal(lastMonthInChina(instant), '2026-11');
});

test('shouldCrossTheYearWhenLastMonthIsDecember', () => {
  assert.equal(previousMonth('2026-01'), '2025-12');
  assert.equal(previousMonth('2026-10'), '2026-09');
  assert.equal(previousMonth('2026-12'), '2026-11');
  assert.equal(lastMonthInChina(new Date('2025-12-31T16:00:00Z')), '2025-12');
});

test('shouldCountDaysInChinaWhenAskedForADayAhead', () => {
  const instant = new Date('2026-12-01T20:00:00Z'); // 2026-12-02 04:00 in China
  assert.equal(chinaDay(30, instant), '2027-01-01');
  assert.equal(chinaDay(-1, instant), '2026-12-01');
});

test('shouldShowAnInstantInChinaTimeWithATwentyFourHourClock', () => {
  assert.equal(dateTime('2026-12-01T23:30:00Z'), '2026/12/2 07:30:00');
  assert.equal(dateTime('2026-12-01T16:05:09Z'), '2026/12/2 00:05:09');
  assert.equal(dateTime('2026-06-30T04:00:00.123456Z'), '2026/6/30 12:00:00');
});

test('shouldShowNothingWhenThereIsNoInstantAndTheTextWhenItIsNotOne', () => {
  assert.equal(dateTime(null), '');
  assert.equal(dateTime(''), '');
  assert.equal(dateTime('不是时间'), '不是时间');
});
