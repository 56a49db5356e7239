import { describe, expect, it } from 'vitest';
import { re2GlobalReplace } from './replace.js';

// RE2::GlobalReplace as Envoy's regex_rewrite runs it (envoy route_components.proto RegexMatchAndSubstitute
// examples; re2.cc GlobalReplace/Rewrite for the edge cases).
describe('re2GlobalReplace', () => {
  it.each([
    ['Envoy example: groups reordered', '^/service/([^/]+)(/.*)$', '\\2/instance/\\1', '/service/foo/v1/api', '/v1/api/instance/foo'],
    ['Envoy example: every match replaced', 'one', 'two', '/xxx/one/yyy/one/zzz', '/xxx/two/yyy/two/zzz'],
    ['Envoy example: case-insensitive flag', '(?i)/xxx/', '/yyy/', '/aaa/XxX/bbb', '/aaa/yyy/bbb'],
    ['\\0 is the whole match', 'b+', '[\\0]', 'abbc', 'a[bb]c'],
    ['\\\\ is one backslash', 'a', '\\\\', 'xa', 'x\\'],
    ['one digit per group: \\10 is group 1 then 0', '(a)', '\\10', 'a', 'a0'],
    ['no match: unchanged', 'x', 'y', 'abc', 'abc'],
    ['^ anchors at the start of the text only', '^/', '/v2/', '/a/b', '/v2/a/b'],
    ['an empty match right after a match is skipped (RE2, unlike JS)', 'a*', '-', 'baaac', '-b-c-'],
    ['an unmatched group is empty', '(a)|(b)', '[\\1\\2]', 'ab', '[a][b]'],
    ['a group the pattern lacks: nothing replaced', '(a)', '\\2', 'aa', 'aa'],
    ['another escape ends that replacement', 'a', 'x\\qy', 'aa', 'xx'],
    ['a pattern RE2 refuses replaces nothing', '(a)\\1', 'x', 'aa', 'aa'],
    ['a rune outside the BMP is skipped whole', 'x*', '-', '😀', '-😀-'],
  ])('%s', (_what, pattern, rewrite, text, expected) => {
    expect(re2GlobalReplace(pattern, rewrite, text)).toBe(expected);
  });

  it('a hostile pattern answers at once', () => {
    const text = `${'a'.repeat(10_000)}!`;
    expect(re2GlobalReplace('(a+)+$', 'x', text)).toBe(text);
    expect(re2GlobalReplace('(a|aa)+!', 'x', text)).toBe('x');
  }, 5_000);
});
