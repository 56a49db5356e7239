import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../resources/types.js';
import { gatewayApiObject, uncovered, violations, type CelCase } from './testing.js';

const VALIDATION = { hostname: 'api.example.com', wellKnownCACertificates: 'System' };
const policy = (spec: KubeObject) => gatewayApiObject('BackendTLSPolicy', { targetRefs: [target('api')], validation: VALIDATION, ...spec });
const targets = (...targetRefs: KubeObject[]) => policy({ targetRefs });
const validation = (v: KubeObject) => policy({ validation: { hostname: 'api.example.com', ...v } });
const sans = (...subjectAltNames: KubeObject[]) => validation({ wellKnownCACertificates: 'System', subjectAltNames });
const target = (name: string, sectionName?: string, kind = 'Service'): KubeObject => ({ group: '', kind, name, ...(sectionName === undefined ? {} : { sectionName }) });
const CA_REFS = { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }] };

const targetCases: CelCase[] = [
  { code: 'BackendTLSPolicyTargetRefSectionNameRequired', name: 'one ref with, one without sectionName', obj: targets(target('api', 'https'), target('api')), want: ['spec.targetRefs[1]'] },
  { code: 'BackendTLSPolicyTargetRefSectionNameRequired', name: 'an empty sectionName counts as unset', obj: targets(target('api', ''), target('api', 'https')), want: ['spec.targetRefs[0]'] },
  { code: 'BackendTLSPolicyTargetRefSectionNameRequired', name: 'both with sectionNames', obj: targets(target('api', 'https'), target('api', 'grpc')), want: [] },
  { code: 'BackendTLSPolicyTargetRefSectionNameRequired', name: 'different targets', obj: targets(target('api'), target('web', 'https')), want: [] },
  { code: 'BackendTLSPolicyTargetRefSectionNameRequired', name: 'same name, different kind', obj: targets(target('api'), target('api', 'https', 'ServiceImport')), want: [] },
  { code: 'BackendTLSPolicyTargetRefSectionNameUnique', name: 'same target twice without sectionName', obj: targets(target('api'), target('api')), want: ['spec.targetRefs[1]'] },
  { code: 'BackendTLSPolicyTargetRefSectionNameUnique', name: 'same target and sectionName', obj: targets(target('api', 'https'), target('api', 'https')), want: ['spec.targetRefs[1]'] },
  { code: 'BackendTLSPolicyTargetRefSectionNameUnique', name: "'' and absent sectionName collide", obj: targets(target('api', ''), target('api')), want: ['spec.targetRefs[1]'] },
  { code: 'BackendTLSPolicyTargetRefSectionNameUnique', name: 'distinct sectionNames', obj: targets(target('api', 'https'), target('api', 'grpc')), want: [] },
  { code: 'BackendTLSPolicyTargetRefSectionNameUnique', name: 'refs missing required fields are skipped', obj: targets({ name: 'api' }, { name: 'api' }), want: [] },
];

const validationCases: CelCase[] = [
  { code: 'BackendTLSPolicyValidationCABothSet', name: 'refs and well-known CAs', obj: validation({ ...CA_REFS, wellKnownCACertificates: 'System' }), want: ['spec.validation'] },
  { code: 'BackendTLSPolicyValidationCABothSet', name: 'an empty refs list with well-known CAs', obj: validation({ caCertificateRefs: [], wellKnownCACertificates: 'System' }), want: [] },
  { code: 'BackendTLSPolicyValidationCABothSet', name: 'refs with an empty well-known value', obj: validation({ ...CA_REFS, wellKnownCACertificates: '' }), want: [] },
  { code: 'BackendTLSPolicyValidationCAMissing', name: 'neither', obj: validation({}), want: ['spec.validation'] },
  { code: 'BackendTLSPolicyValidationCAMissing', name: 'only empty values', obj: validation({ caCertificateRefs: [], wellKnownCACertificates: '' }), want: ['spec.validation'] },
  { code: 'BackendTLSPolicyValidationCAMissing', name: 'refs only', obj: validation(CA_REFS), want: [] },
  { code: 'BackendTLSPolicyValidationCAMissing', name: 'no validation block (the schema requires it)', obj: gatewayApiObject('BackendTLSPolicy', { targetRefs: [target('api')] }), want: [] },
  { code: 'BackendTLSPolicySubjectAltNameHostnameMissing', name: 'type Hostname without hostname', obj: sans({ type: 'Hostname' }), want: ['spec.validation.subjectAltNames[0]'] },
  { code: 'BackendTLSPolicySubjectAltNameHostnameMissing', name: 'type Hostname with an empty hostname', obj: sans({ type: 'URI', uri: 'spiffe://a' }, { type: 'Hostname', hostname: '' }), want: ['spec.validation.subjectAltNames[1]'] },
  { code: 'BackendTLSPolicySubjectAltNameHostnameMissing', name: 'type Hostname with a hostname', obj: sans({ type: 'Hostname', hostname: '*.example.com' }), want: [] },
  { code: 'BackendTLSPolicySubjectAltNameHostnameForbidden', name: 'type URI with a hostname', obj: sans({ type: 'URI', uri: 'spiffe://a', hostname: 'a.com' }), want: ['spec.validation.subjectAltNames[0].hostname'] },
  { code: 'BackendTLSPolicySubjectAltNameHostnameForbidden', name: 'type URI with an empty hostname', obj: sans({ type: 'URI', uri: 'spiffe://a', hostname: '' }), want: [] },
  { code: 'BackendTLSPolicySubjectAltNameHostnameForbidden', name: 'type Hostname with a hostname', obj: sans({ type: 'Hostname', hostname: 'a.com' }), want: [] },
  { code: 'BackendTLSPolicySubjectAltNameURIMissing', name: 'type URI without uri', obj: sans({ type: 'URI' }), want: ['spec.validation.subjectAltNames[0]'] },
  { code: 'BackendTLSPolicySubjectAltNameURIMissing', name: 'type URI with a uri', obj: sans({ type: 'URI', uri: 'spiffe://cluster.local/ns/a/sa/b' }), want: [] },
  { code: 'BackendTLSPolicySubjectAltNameURIForbidden', name: 'type Hostname with a uri', obj: sans({ type: 'Hostname', hostname: 'a.com', uri: 'spiffe://a' }), want: ['spec.validation.subjectAltNames[0].uri'] },
  { code: 'BackendTLSPolicySubjectAltNameURIForbidden', name: 'entry without a type is left to the schema', obj: sans({ uri: 'spiffe://a' }), want: [] },
  { code: 'BackendTLSPolicySubjectAltNameURIForbidden', name: 'no subjectAltNames', obj: policy({}), want: [] },
];

describe('gateway-api.md §11.3 / backendtlspolicies CRD spec.targetRefs', () => {
  it.each(targetCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));
});

describe('gateway-api.md §11.3 / backendtlspolicies CRD spec.validation', () => {
  it.each(validationCases)('$code: $name', ({ code, obj, want, channel }) => expect(violations(code, obj, channel)).toEqual(want));

  it('covers every BackendTLSPolicy rule with a passing and a failing case', () => {
    expect(uncovered([...targetCases, ...validationCases], 'BackendTLSPolicy')).toEqual([]);
  });
});
