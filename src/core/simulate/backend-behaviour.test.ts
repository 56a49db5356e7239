import { describe, expect, it } from 'vitest';
import { answerOf, parseBackendBehaviour } from './backend-behaviour.js';

// DESIGN.md "simulate": --backend-status 503,503,200 and --backend-delay 2s (one value per try, the last repeating).
describe('parseBackendBehaviour', () => {
  it.each([
    [undefined, undefined, { statuses: [200], delaysMs: [0] }],
    ['503,503,200', '2s', { statuses: [503, 503, 200], delaysMs: [2000] }],
    [' 500 , 200 ', '2s,0s', { statuses: [500, 200], delaysMs: [2000, 0] }],
    ['reset,Connect-Failure,refused-stream', '1.5s,250ms,0', { statuses: ['reset', 'connect-failure', 'refused-stream'], delaysMs: [1500, 250, 0] }],
    ['unavailable,DEADLINE-EXCEEDED,OK', '1m', { statuses: ['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'OK'], delaysMs: [60000] }],
  ])('%s / %s', (status, delay, expected) => {
    expect(parseBackendBehaviour(status, delay)).toEqual({ ok: true, behaviour: expected });
  });
  it.each([
    ['600', undefined, /^"600" is not an HTTP status/],
    ['99', undefined, /^"99" is not/],
    ['503,,200', undefined, /^"" is not/],
    ['teapot', undefined, /^"teapot" is not an HTTP status \(100–599\), a gRPC status name or one of reset, connect-failure, refused-stream$/],
    ['', undefined, /at least one status/],
    [undefined, '2', /^"2" is not a duration/],
    [undefined, '-1s', /^"-1s" is not a duration/],
    [undefined, '', /at least one duration/],
  ])('%s / %s is refused', (status, delay, error) => {
    const r = parseBackendBehaviour(status, delay);
    expect(r.ok ? null : r.error).toMatch(error);
  });
  it('past the end of a list its last value repeats', () => {
    const b = { statuses: [503, 200], delaysMs: [2000, 0, 100] };
    expect([1, 2, 3, 4].map((n) => answerOf(b, n))).toEqual([
      { status: 503, delayMs: 2000 },
      { status: 200, delayMs: 0 },
      { status: 200, delayMs: 100 },
      { status: 200, delayMs: 100 },
    ]);
  });
});
