import { describe, expect, it } from 'vitest';
import { toYaml } from './status-yaml';

describe('toYaml: status as kubectl prints it', () => {
  it('nests maps, puts list items at their key, quotes what YAML would misread', () => {
    const status = {
      parents: [
        {
          parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'edge', port: 443 },
          conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'no listener matches: x', observedGeneration: 1 }],
        },
      ],
    };
    expect(toYaml({ status })).toBe(
      [
        'status:',
        '  parents:',
        '  - parentRef:',
        '      group: gateway.networking.k8s.io',
        '      kind: Gateway',
        '      name: edge',
        '      port: 443',
        '    conditions:',
        '    - type: Accepted',
        '      status: "True"',
        '      reason: Accepted',
        '      message: "no listener matches: x"',
        '      observedGeneration: 1',
      ].join('\n'),
    );
  });

  it.each([
    ['plain', 'plain'],
    ['False', '"False"'],
    ['1', '"1"'],
    ['', '""'],
    ['a: b', '"a: b"'],
    ['#x', '"#x"'],
  ])('%j → %s', (v, out) => {
    expect(toYaml({ k: v })).toBe(`k: ${out}`);
  });

  it('writes empty lists and maps inline', () => {
    expect(toYaml({ listeners: [], conditions: {} })).toBe('listeners: []\nconditions: {}');
  });
});
