import { describe, expect, it } from 'vitest';
import { parse } from '../core/index';
import { appendManifest, importedFileName, importedText, isBlankManifest, isManifestName, joinManifests } from './io-files';

const SVC = (name: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;
const names = (text: string): string[] => parse([{ name: 'x.yaml', text }]).resources.map((r) => r.name);

describe('getting manifests in', () => {
  it.each([
    ['a.yaml', true],
    ['B.YML', true],
    ['c.json', true],
    ['notes.txt', false],
    ['yaml', false],
  ])('%s is a manifest file: %s', (name, expected) => {
    expect(isManifestName(name)).toBe(expected);
  });

  it('keeps one file byte for byte', () => {
    const text = '# mine\n' + SVC('a').trimEnd();
    expect(joinManifests([{ name: 'a.yaml', text }])).toBe(text);
  });

  it('joins several files (YAML and JSON) as documents, in order, each saying where it came from', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j' } });
    const joined = joinManifests([
      { name: 'a.yaml', text: SVC('a') + '---\n' + SVC('b').trimEnd() },
      { name: 'c.json', text: json },
      { name: 'd.yml', text: '---\n' + SVC('d') },
    ]);
    expect(names(joined)).toEqual(['a', 'b', 'j', 'd']);
    expect(joined).toContain('# Source: c.json\n');
  });

  it('appends after the current text, which stays untouched', () => {
    const current = SVC('a').trimEnd();
    const next = appendManifest(current, SVC('b'));
    expect(next.startsWith(current)).toBe(true);
    expect(names(next)).toEqual(['a', 'b']);
    expect(appendManifest('# nothing yet\n', SVC('b'))).toBe(SVC('b'));
  });

  it('replaces or appends', () => {
    expect(importedText(SVC('a'), SVC('b'), 'replace')).toBe(SVC('b'));
    expect(names(importedText(SVC('a'), SVC('b'), 'append'))).toEqual(['a', 'b']);
  });

  it('names the design after the one file opened', () => {
    expect(importedFileName([{ name: 'shop.yaml', text: '' }])).toBe('shop.yaml');
    expect(importedFileName([{ name: 'list.json', text: '' }])).toBe('list.yaml');
    expect(importedFileName([{ name: 'a.yaml', text: '' }, { name: 'b.yaml', text: '' }])).toBe('imported.yaml');
  });

  it.each([
    ['', true],
    ['# only a comment\n---\n\n', true],
    [SVC('a'), false],
  ])('blank %#', (text, expected) => {
    expect(isBlankManifest(text)).toBe(expected);
  });
});
