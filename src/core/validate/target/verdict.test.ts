import { describe, expect, it } from 'vitest';
import { parseTarget, type Target } from '../../target/target.js';
import { review } from '../../verdict/index.js';
import { gateway, object, route } from './testing.js';

const target = (text: string): Target => {
  const read = parseTarget(text);
  if (!read.ok) throw new Error(read.error);
  return read.target;
};
const codes = (text: string, t?: string): string[] =>
  review([{ name: 'design.yaml', text }], { now: new Date('2026-01-01T00:00:00Z'), ...(t === undefined ? {} : { target: target(t) }) }).diagnostics.map((d) => `${d.code} ${d.path ?? ''}`);

describe('review with a target', () => {
  const design = gateway() + route('retry: {attempts: 2}, backendRefs: [{name: s, port: 80}]');

  it('the default target adds nothing', () => {
    expect(codes(design)).toEqual(codes(design, ''));
    expect(codes(design).filter((c) => c.startsWith('Target'))).toEqual([]);
  });

  it('a standard-channel target refuses the experimental field', () => {
    expect(codes(design, 'channel=standard').filter((c) => c.startsWith('Target'))).toEqual(['TargetFieldNotInRelease spec.rules[0].retry']);
  });

  it('an apiVersion the target does not serve is said once, by the target check', () => {
    const tls = gateway() + object('TLSRoute', 'gateway.networking.k8s.io/v1alpha2', '{parentRefs: [{name: gw}], rules: [{backendRefs: [{name: s, port: 443}]}]}');
    expect(codes(tls).filter((c) => c.endsWith('apiVersion'))).toEqual(['UnservedVersion apiVersion']);
    expect(codes(tls, 'channel=standard').filter((c) => c.endsWith('apiVersion'))).toEqual(['TargetKindNotServed apiVersion']);
  });
});
