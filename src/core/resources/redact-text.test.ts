import { describe, expect, it } from 'vitest';
import { convert } from '../convert/index.js';
import { SourceLocations } from './locations.js';
import { parse } from './parse.js';
import { mayHoldSecret, redactText } from './redact-text.js';
import { serializeObjects } from './serialize.js';

// Issue 9: key material must not survive parsing, whatever shape it comes in.
const KEY = 'FAKEKEYzQ29uZmlkZW50aWFsS2V5TWF0ZXJpYWwxMjM0NTY3ODkw';
const SHORT = 'hunter2-pw';
const pem = (indent: string) =>
  ['-----BEGIN RSA PRIVATE KEY-----', KEY, 'Proc-Type: 4,ENCRYPTED', `${KEY}==`, '-----END RSA PRIVATE KEY-----'].map((l) => `${indent}${l}`).join('\n');
const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.key': KEY }, stringData: { pw: SHORT } });

const LEAKS: readonly (readonly [string, string])[] = [
  ['a duplicate key', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  tls.key: ${KEY}\n  tls.key: ${KEY}\nstringData:\n  pw: ${SHORT}\n`],
  ['a tab for indentation', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n\ttls.key: ${KEY}\nstringData:\n\tpw: ${SHORT}\n`],
  ['a block scalar with a PEM key', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  tls.key: |\n${pem('    ')}\n  pw: ${SHORT}\n`],
  ['a broken block scalar', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  tls.key: |\n${pem('    ')}\n\tpw: ${SHORT}\n`],
  ['values misplaced at the top level of a broken Secret', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\ntls.key: ${KEY}\npw: ${SHORT}\n\tbad: x\n`],
  ['last-applied as a block scalar', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ${lastApplied}\ndata:\n  tls.key: ${KEY}\n`],
  ['last-applied as a quoted string', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: ${JSON.stringify(`${lastApplied}\n`)}\n`],
  ['last-applied in a flow mapping', `apiVersion: v1\nkind: Secret\nmetadata: {name: s, annotations: {kubectl.kubernetes.io/last-applied-configuration: ${JSON.stringify(lastApplied)}}}\n`],
  ['last-applied with broken JSON', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ${lastApplied.slice(0, -3)}\n`],
  ['last-applied in a broken document', `apiVersion: v1\nkind: Secret\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ${lastApplied}\n`],
  ['an object embedded in another annotation of a broken document', `apiVersion: v1\nkind: Secret\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    tool.example.com/original: '${lastApplied}'\n`],
  ['a List of Secrets', `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n  data:\n    tls.key: ${KEY}\n  stringData: {pw: ${SHORT}}\n`],
  ['a SecretList', `apiVersion: v1\nkind: SecretList\nmetadata: {name: l}\nitems:\n- metadata: {name: s}\n  data:\n    tls.key: ${KEY}\n- metadata: {name: t}\n  stringData: {pw: ${SHORT}}\n`],
  ['a JSON List', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.key': KEY }, stringData: { pw: SHORT } }] })],
  ['a JSON Secret', JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.key': KEY }, stringData: { pw: SHORT } })],
  ['a pretty JSON Secret', JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'tls.key': KEY }, stringData: { pw: SHORT } }, null, 2)],
  ['a JSON Secret with a duplicate key', `{"apiVersion":"v1","kind":"Secret","kind":"Secret","metadata":{"name":"s"},"data":{"tls.key":"${KEY}"},"stringData":{"pw":"${SHORT}"}}`],
  ['an alias to an anchored value', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  tls.key: &k ${KEY}\n  copy: *k\nx-copy: *k\n`],
  ['an alias from data to a value elsewhere', `apiVersion: v1\nkind: Secret\nx-keys:\n  a: &k ${KEY}\n  b: &p ${SHORT}\nmetadata: {name: s}\ndata:\n  tls.key: *k\nstringData:\n  pw: *p\n`],
  ['data: *anchor', `apiVersion: v1\nkind: Secret\nx-data: &d\n  tls.key: ${KEY}\n  pw: ${SHORT}\nmetadata: {name: s}\ndata: *d\n`],
  ['a merge key', `apiVersion: v1\nkind: Secret\nx-data: &d {tls.key: ${KEY}, pw: ${SHORT}}\nmetadata: {name: s}\ndata:\n  <<: *d\n  other: x\n`],
  ['an anchor in a flow mapping', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {tls.key: &k ${KEY}, pw: &p ${SHORT}}\nx: [*k, *p]\n`],
  ['a private key in a ConfigMap', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  key.pem: |\n${pem('    ')}\n`],
  ['a private key in a JSON string', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    k: ${JSON.stringify(pem(''))}\n`],
  ['a private key without its END line', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  key.pem: |\n    -----BEGIN PRIVATE KEY-----\n    ${KEY}\n    ${KEY}\n`],
  ['kind on the next line', `apiVersion: v1\nkind:\n  Secret\nmetadata: {name: s}\ndata:\n  tls.key: ${KEY}\nstringData: {pw: ${SHORT}}\n`],
  ['a tagged kind', `apiVersion: v1\nkind: !!str Secret\nmetadata: {name: s}\ndata:\n  tls.key: ${KEY}\nstringData: {pw: ${SHORT}}\n`],
  ['a kind and a key spelt with JSON escapes', `{"apiVersion":"v1","kind":"Secr\\u0065t","metadata":{"name":"s"},"d\\u0061ta":{"tls.key":"${KEY}"},"stringData":{"pw":"${SHORT}"}}`],
  ['an explicit data key', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n? data\n: {tls.key: ${KEY}, pw: ${SHORT}}\n`],
  ['a List item broken by a tab before its metadata', `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n\tmetadata:\n      name: s\n    data:\n      tls.key: ${KEY.slice(0, 28)}\n    stringData:\n      pw: ${SHORT}\n`],
  ['a Secret after a blank first line', `\n\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n\ttls.key: ${KEY}\n  pw: ${SHORT}\n`],
  ['stringData', `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  pw: "${SHORT}"\n  multi: >\n    ${KEY}\n    ${KEY}\n`],
];

describe('redaction: key material never survives parse', () => {
  it.each(LEAKS)('%s', (_what, text) => {
    expect(text.includes(KEY) || text.includes(SHORT)).toBe(true);
    const r = parse([{ name: 'f.yaml', text }]);
    const file = r.files[0];
    expect(file?.redacted).toBe(true);
    const out = [file?.text ?? '', JSON.stringify(r.resources), JSON.stringify(r.diagnostics), serializeObjects(r.resources.map((x) => x.object))].join('\n');
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(KEY.slice(10, 26));
    expect(out).not.toContain(SHORT);
    expect(r.diagnostics.filter((d) => d.code === 'SecretRedacted').length).toBeGreaterThan(0);
    // The redacted text has nothing left to redact: parsing it again changes nothing.
    const again = parse([{ name: 'f.yaml', text: file?.text ?? '' }]);
    expect(again.files[0]?.text).toBe(file?.text);
    expect(again.files[0]?.redacted).toBe(false);
    expect(redactText(file?.text ?? '')).toEqual({ text: file?.text, redacted: false });
  });

  // Only documents the line pass cannot reach (flow / one-line JSON) are written out again.
  const REWRITTEN = new Set(['last-applied in a flow mapping', 'a JSON List', 'a JSON Secret', 'an anchor in a flow mapping', 'kind on the next line', 'a tagged kind', 'a kind and a key spelt with JSON escapes', 'an explicit data key']);
  it.each(LEAKS.filter(([what]) => !REWRITTEN.has(what)))('keeps every line number: %s', (_what, text) => {
    expect(redactText(text).text.split('\n')).toHaveLength(text.split('\n').length);
  });

  it.each(LEAKS)('redactText alone: %s', (_what, text) => {
    const r = redactText(text);
    expect(r.redacted).toBe(true);
    expect(r.text).not.toContain(KEY.slice(10, 26));
    expect(r.text).not.toContain(SHORT);
  });

  it('keeps the redacted document readable and its keys', () => {
    const r = parse([{ name: 'f.yaml', text: LEAKS[1]?.[1] ?? '' }]);
    expect(r.files[0]?.text).toContain('tls.key: UkVEQUNURUQ=');
    const valid = parse([{ name: 'f.yaml', text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s # kept\ndata:\n  tls.key: ${KEY}\n  tls.crt: Y2VydA==\n` }]);
    expect(valid.files[0]?.text).toBe('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s # kept\ndata:\n  tls.key: UkVEQUNURUQ=\n  tls.crt: UkVEQUNURUQ=\n');
    expect(valid.diagnostics.map((d) => [d.code, d.line])).toEqual([['SecretRedacted', 2]]);
  });

  it('convert passes through only redacted objects', () => {
    const gw = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: istio\n  listeners:\n  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{kind: Secret, name: s}]}}\n';
    for (const [, text] of LEAKS) {
      const parsed = parse([{ name: 'f.yaml', text: `${gw}---\n${text}` }]);
      for (const to of ['istio', 'gateway-api'] as const) {
        const result = convert(parsed.resources, { to, locations: new SourceLocations(parsed.files) });
        const out = serializeObjects(result.items) + JSON.stringify(result);
        expect(out).not.toContain(KEY.slice(10, 26));
        expect(out).not.toContain(SHORT);
      }
    }
  });
});

describe('redaction stays linear on hostile sizes', () => {
  // Quadratic work here (an edit list scanned per edit, a line re-read per anchor) took minutes.
  it('a Secret with 100,000 values and 20,000 anchors on one line', () => {
    const anchors = Array.from({ length: 20_000 }, (_, i) => `&a${i} v${i}-${KEY}`).join(', ');
    const values = Array.from({ length: 100_000 }, (_, i) => `  k${i}: ${i < 20_000 ? `*a${i}` : KEY}\n`).join('');
    const text = `apiVersion: v1\nkind: Secret\nx: [${anchors}]\nmetadata: {name: s}\ndata:\n${values}`;
    const r = redactText(text);
    expect(r.redacted).toBe(true);
    expect(r.text).not.toContain(KEY);
    expect(redactText(text.replace('data:\n', 'data:\n\tbroken: x\n')).text).not.toContain(KEY);
  }, 60_000);
});

describe('redaction leaves everything else alone', () => {
  const KEEP: readonly (readonly [string, string])[] = [
    ['a Gateway referring to a Secret', 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: x\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      certificateRefs:\n      - kind: Secret\n        name: s\n'],
    ['a ConfigMap with data and a certificate', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {note: "kind: Secret"}}\ndata:\n  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUQ29uZmlkZW50aWFsS2V5TWF0ZXJpYWw=\n    -----END CERTIFICATE-----\n'],
    ['a Service with last-applied', `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80}]}}\nspec:\n  ports: [{port: 80}]\n`],
    ['an already redacted Secret', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  tls.key: UkVEQUNURUQ=\nstringData: {pw: REDACTED}\n'],
    ['a Secret with no values', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\n'],
  ];

  it.each(KEEP)('%s keeps every byte', (_what, text) => {
    const stream = `# head\n${text}---\n${text.replace(/name: (\w)/, 'name: $1-2')}`;
    const r = parse([{ name: 'f.yaml', text: stream }]);
    expect(r.files[0]?.text).toBe(stream);
    expect(r.files[0]?.redacted).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('SecretRedacted');
    expect(redactText(stream)).toEqual({ text: stream, redacted: false });
  });

  it('mayHoldSecret: false on a text with neither a Secret with values nor a private key', () => {
    expect(mayHoldSecret(KEEP[0]?.[1] ?? '')).toBe(false);
    expect(mayHoldSecret('apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n')).toBe(false);
    for (const [, text] of LEAKS) expect(mayHoldSecret(text)).toBe(true);
  });

  it('leaves the Secret-free documents of a stream byte for byte', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}   # odd   spacing\ndata: {a: "1"}\n';
    const text = `${cm}---\n${LEAKS[0]?.[1] ?? ''}---\n${cm.replace('name: c', 'name: d')}`;
    const r = redactText(text);
    const parts = r.text.split('---\n');
    expect(parts[0]).toBe(cm);
    expect(parts[2]).toBe(cm.replace('name: c', 'name: d'));
  });
});
