import { describe, expect, it } from 'vitest';
import { encodePresence, firstPresent, presentAt } from './availability-format.js';

describe('availability interval format', () => {
  it.each([
    [[0, 1, 2, 3], [0, 1, 2, 3], '0-'],
    [[0, 1, 2], [0, 1, 2], '0-3'],
    [[], [2, 3], 'e2-'],
    [[3], [0, 1, 2, 3], 's3- e0-'],
    [[], [0, 1], 'e0-2'],
    [[0, 1, 3], [0, 1, 3], '0-2,3-'],
    [[1], [], 's1-2'],
    [[], [], ''],
  ])('standard %j, experimental %j of 4 → %s', (standard, experimental, text) => {
    expect(encodePresence({ standard, experimental }, 4)).toBe(text);
    for (let r = 0; r < 4; r += 1) {
      expect(presentAt(text, 'standard', r), `standard ${r}`).toBe(standard.includes(r));
      expect(presentAt(text, 'experimental', r), `experimental ${r}`).toBe(experimental.includes(r));
    }
    expect(firstPresent(text, 'standard')).toBe(standard[0]);
    expect(firstPresent(text, 'experimental')).toBe(experimental[0]);
  });
});
