import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import type { KubeObject } from '../../resources/types.js';
import { validate } from '../index.js';
import { apiServerIssues } from './index.js';
import { ANNOTATIONS_SIZE_LIMIT } from './metadata-maps.js';

function issues(metadata: KubeObject, apiVersion = 'gateway.networking.k8s.io/v1', kind = 'HTTPRoute'): string[] {
  const [resource] = parse([{ name: 't.yaml', text: dump({ apiVersion, kind, metadata: { name: 'x', ...metadata }, spec: {} }) }]).resources;
  if (!resource) throw new Error('not parsed');
  return apiServerIssues(resource).map((i) => `${i.code}@${i.path.join('.')}`);
}

// apimachinery pkg/apis/meta/v1/validation ValidateLabels: keys IsQualifiedName, values IsValidLabelValue.
describe('metadata.labels', () => {
  it.each([
    [{ app: 'web' }, []],
    [{ 'app.kubernetes.io/name': 'shop', version: 'v1.2_3', empty: '' }, []],
    [{ 'app name': 'web' }, ['LabelKeyInvalid@metadata.labels.app name']],
    [{ 'Example.com/app': 'web' }, ['LabelKeyInvalid@metadata.labels.Example.com/app']],
    [{ 'a/b/c': 'web' }, ['LabelKeyInvalid@metadata.labels.a/b/c']],
    [{ ['k'.repeat(64)]: 'web' }, [`LabelKeyInvalid@metadata.labels.${'k'.repeat(64)}`]],
    [{ app: 'v 1' }, ['LabelValueInvalid@metadata.labels.app']],
    [{ app: 'v'.repeat(64) }, ['LabelValueInvalid@metadata.labels.app']],
    [{ app: 'v'.repeat(63) }, []],
    [{ app: '-web' }, ['LabelValueInvalid@metadata.labels.app']],
    [{ 'bad key': 'bad value' }, ['LabelKeyInvalid@metadata.labels.bad key', 'LabelValueInvalid@metadata.labels.bad key']],
  ])('%j', (labels, want) => {
    expect(issues({ labels })).toEqual(want);
  });

  it('a label value that is not a string: the schema says so for modelled kinds, this check for others', () => {
    expect(issues({ labels: { version: 1 } })).toEqual([]);
    const codes = validate(parse([{ name: 'r.yaml', text: dump({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'x', labels: { version: 1 } }, spec: {} }) }])).map((d) => d.code);
    expect(codes).toContain('SchemaType');
    expect(codes).not.toContain('LabelValueInvalid');
    expect(issues({ labels: { version: 1 } }, 'apps/v1', 'Deployment')).toEqual(['LabelValueInvalid@metadata.labels.version']);
  });

  it('checks kinds the design does not model too (ObjectMeta is the same for every kind)', () => {
    expect(issues({ labels: { 'app name': 'x' } }, 'apps/v1', 'Deployment')).toEqual(['LabelKeyInvalid@metadata.labels.app name']);
  });
});

// apimachinery pkg/api/validation/objectmeta.go ValidateAnnotations: lower-cased keys IsQualifiedName; 256 KiB in all.
describe('metadata.annotations', () => {
  it.each([
    [{ 'kubectl.kubernetes.io/last-applied-configuration': '{"a": "b\nc"}' }, []],
    [{ 'Example.COM/Key': 'anything at all: <>' }, []],
    [{ 'bad key': 'x' }, ['AnnotationKeyInvalid@metadata.annotations.bad key']],
    [{ 'a/b/c': 'x' }, ['AnnotationKeyInvalid@metadata.annotations.a/b/c']],
    [{ a: 'v'.repeat(ANNOTATIONS_SIZE_LIMIT - 1) }, []],
    [{ a: 'v'.repeat(ANNOTATIONS_SIZE_LIMIT) }, ['AnnotationsTooLarge@metadata.annotations']],
    // Bytes, not characters: 'é' is two bytes in UTF-8.
    [{ a: 'é'.repeat(ANNOTATIONS_SIZE_LIMIT / 2) }, ['AnnotationsTooLarge@metadata.annotations']],
    [{ a: 'v'.repeat(ANNOTATIONS_SIZE_LIMIT / 2), b: 'v'.repeat(ANNOTATIONS_SIZE_LIMIT / 2) }, ['AnnotationsTooLarge@metadata.annotations']],
  ])('%#', (annotations, want) => {
    expect(issues({ annotations })).toEqual(want);
  });

  it('the message says the size and what to do', () => {
    const d = validate(parse([{ name: 'r.yaml', text: dump({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', annotations: { a: 'v'.repeat(ANNOTATIONS_SIZE_LIMIT) } }, spec: {} }) }])).find((x) => x.code === 'AnnotationsTooLarge');
    expect(d?.message).toContain(`hold ${ANNOTATIONS_SIZE_LIMIT + 1} bytes`);
    expect(d?.severity).toBe('error');
  });
});
