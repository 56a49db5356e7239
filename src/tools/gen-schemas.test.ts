import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaFiles, OUT_DIR } from './gen-schemas.js';

describe('gen-schemas', () => {
  it('the committed generated files are what the generator writes today (run `npm run gen:schemas`)', () => {
    for (const f of generateSchemaFiles()) {
      expect(readFileSync(join(OUT_DIR, f.name), 'utf8'), f.name).toBe(f.text);
    }
  });
});
