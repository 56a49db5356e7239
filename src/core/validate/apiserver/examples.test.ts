import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import { validate } from '../index.js';
import { APISERVER_CODES } from './codes.js';

const examples = import.meta.glob<string>('../../../../public/examples/*.yaml', { query: '?raw', import: 'default', eager: true });
const files = Object.entries(examples).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text] as const);
const mine = new Set<string>(APISERVER_CODES);

// A false problem on a published example is a bug: the examples the app offers stay clean.
describe('the app examples pass the API-server checks', () => {
  it('has examples to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)('%s', (file, text) => {
    const parsed = parse([{ name: file, text }]);
    expect(parsed.resources.length).toBeGreaterThan(0);
    expect(validate(parsed).filter((d) => mine.has(d.code))).toEqual([]);
  });
});
