import { describe, expect, it } from 'vitest';
import { problemFamily } from '../../verdict/family.js';
import { TARGET_CODES } from './codes.js';
import readme from '../../../../README.md?raw';

// DESIGN.md: "Codes are stable identifiers, documented in the README."

describe('target codes', () => {
  it.each([...TARGET_CODES])('%s is documented and of the Target cluster family', (code) => {
    expect(readme.includes(`| \`${code}\` |`)).toBe(true);
    expect(problemFamily({ code, severity: 'info', message: '', file: 'a', line: 1, column: 1, endLine: 1, endColumn: 1 })).toBe('target');
  });
});
