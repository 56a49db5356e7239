import { describe, expect, it } from 'vitest';
import { schemaPaths } from './gen-crd-availability-paths.js';
import { recordCrd, RELEASES } from './gen-crd-availability.js';
import data from '../core/target/data/crd-availability.js';

/** A tiny openAPIV3Schema in the CRDs' shape (written here, not copied). */
const schema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    spec: {
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              filters: { type: 'array', items: { type: 'object', properties: { type: { type: 'string', enum: ['A', 'B'] } } } },
              codes: { type: 'array', items: { type: 'integer', enum: [500, 503] } },
              timeouts: { type: 'object', properties: { backendRequest: { type: 'string' } } },
            },
          },
        },
      },
    },
    status: { type: 'object', properties: { conditions: { type: 'array' } } },
  },
};

describe('gen-crd-availability', () => {
  it('extracts spec field paths with [] for list items and path=value for enums, not status', () => {
    expect(schemaPaths(schema)).toEqual([
      'spec',
      'spec.labels',
      'spec.rules',
      'spec.rules[].filters',
      'spec.rules[].filters[].type',
      'spec.rules[].filters[].type=A',
      'spec.rules[].filters[].type=B',
      'spec.rules[].codes',
      'spec.rules[].codes[]=500',
      'spec.rules[].codes[]=503',
      'spec.rules[].timeouts',
      'spec.rules[].timeouts.backendRequest',
    ]);
  });

  it('records served versions only, with the stored one marked', () => {
    const presence: Parameters<typeof recordCrd>[0] = new Map();
    const crd = {
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'example.io',
        names: { kind: 'Thing' },
        versions: [
          { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } },
          { name: 'v1beta1', served: false, storage: false, schema: { openAPIV3Schema: schema } },
        ],
      },
    };
    recordCrd(presence, crd, 2, 'experimental');
    recordCrd(presence, { kind: 'ValidatingAdmissionPolicy', spec: {} }, 2, 'experimental');
    expect([...presence.keys()]).toEqual(['Thing']);
    const v1 = presence.get('Thing')?.get('example.io/v1');
    expect(v1?.get('@served')).toEqual({ standard: [], experimental: [2] });
    expect(v1?.get('@storage')).toEqual({ standard: [], experimental: [2] });
    expect(v1?.get('spec.rules[].timeouts.backendRequest')).toEqual({ standard: [], experimental: [2] });
    expect(presence.get('Thing')?.has('example.io/v1beta1')).toBe(false);
  });

  it('the committed data covers the releases the generator reads', () => {
    expect(data.releases).toEqual(RELEASES);
  });
});
