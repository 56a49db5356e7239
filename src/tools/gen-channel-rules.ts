/**
 * Build-time generator of src/core/validate/cel/generated/channel-rules.js (`npm run gen:channel-rules`):
 * what differs between the standard and the experimental CRDs of one Gateway API release (issue 16
 * scope 2), for the table test that checks the validator judges each channel by its own rules.
 *
 * It reads `config/crd/{standard,experimental}/gateway.networking.k8s.io_*.yaml` at the release tag
 * of a local bare git mirror of kubernetes-sigs/gateway-api (the approach of gen-crd-availability.ts)
 * and records, for each kind and apiVersion served in both channels:
 * - `rules`: `x-kubernetes-validations` (field path + message) present in one channel only;
 * - `enums`: enum value lists that differ on a field both channels have;
 * - `patterns`: patterns that differ on a field both channels have;
 * `served`: the versions each channel serves per kind; and, within the experimental channel, `versionRules`: rules present in some served apiVersions of
 * a kind but not all (e.g. TLSRoute v1alpha2 has no hostname rules). Only paths, messages and value
 * names are recorded; no CRD text beyond them is copied.
 *
 * Mirror: `--mirror=<git dir>` or GATEWAY_API_MIRROR, default /work/.mirror/kubernetes-sigs+gateway-api/repo.
 */
import { requireMirror } from './gateway-api-mirror.js';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { loadAll } from 'js-yaml';

const run = promisify(execFile);
const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_FILE = join(PROJECT, 'src', 'core', 'validate', 'cel', 'generated', 'channel-rules.js');
export const RELEASE = 'v1.6.1';
const REPO = 'https://github.com/kubernetes-sigs/gateway-api';
const CHANNELS = ['standard', 'experimental'] as const;
type Channel = (typeof CHANNELS)[number];

interface Schema {
  readonly properties?: { readonly [k: string]: Schema };
  readonly items?: Schema;
  readonly additionalProperties?: Schema | boolean;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly 'x-kubernetes-validations'?: readonly { readonly rule?: string; readonly message?: string; readonly messageExpression?: string }[];
}

interface Crd {
  readonly kind?: unknown;
  readonly spec?: { readonly names?: { readonly kind?: string }; readonly versions?: readonly { readonly name: string; readonly served?: boolean; readonly schema?: { readonly openAPIV3Schema?: Schema } }[] };
}

/** What one kind/version of one channel says: rule keys (`path\tmessage`), enums and patterns by path. */
interface Facts {
  readonly rules: Set<string>;
  readonly enums: Map<string, string[]>;
  readonly patterns: Map<string, string>;
  readonly paths: Set<string>;
}

/** Walks a schema; paths are written `spec.rules[].filters[].type` (no leading dot). */
export function collect(schema: Schema, path: string, facts: Facts): void {
  facts.paths.add(path);
  for (const v of schema['x-kubernetes-validations'] ?? []) facts.rules.add(`${path}\t${v.message ?? v.messageExpression ?? v.rule ?? ''}`);
  if (schema.enum) facts.enums.set(path, schema.enum.map(String));
  if (schema.pattern !== undefined) facts.patterns.set(path, schema.pattern);
  const at = (k: string): string => (path === '' ? k : `${path}.${k}`);
  for (const [k, child] of Object.entries(schema.properties ?? {})) collect(child, at(k), facts);
  if (schema.items) collect(schema.items, `${path}[]`, facts);
  if (typeof schema.additionalProperties === 'object') collect(schema.additionalProperties, `${path}{}`, facts);
}

async function git(mirror: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', [`--git-dir=${mirror}`, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** `Kind/version` → channel → facts. */
async function read(mirror: string): Promise<Map<string, Partial<Record<Channel, Facts>>>> {
  const out = new Map<string, Partial<Record<Channel, Facts>>>();
  for (const channel of CHANNELS) {
    const dir = `config/crd/${channel}`;
    const names = (await git(mirror, 'ls-tree', '--name-only', `${RELEASE}:${dir}`)).split('\n').filter((n) => n.startsWith('gateway.networking.k8s.io_') && n.endsWith('.yaml'));
    for (const name of names) {
      for (const doc of loadAll(await git(mirror, 'show', `${RELEASE}:${dir}/${name}`)) as Crd[]) {
        const kind = doc?.spec?.names?.kind;
        if (doc?.kind !== 'CustomResourceDefinition' || kind === undefined) continue;
        for (const v of doc.spec?.versions ?? []) {
          if (v.served !== true) continue;
          const facts: Facts = { rules: new Set(), enums: new Map(), patterns: new Map(), paths: new Set() };
          collect(v.schema?.openAPIV3Schema ?? {}, '', facts);
          const key = `${kind}/${v.name}`;
          out.set(key, { ...out.get(key), [channel]: facts });
        }
      }
    }
  }
  return out;
}

/** Adds `version` to the entry of `id` (entries of one kind alike but for the version are merged). */
function add<T extends { versions: string[] }>(into: Map<string, T>, id: string, version: string, make: () => T): void {
  const entry = into.get(id) ?? make();
  if (!entry.versions.includes(version)) entry.versions.push(version);
  into.set(id, entry);
}

export async function generateChannelRules(mirror: string): Promise<string> {
  const byKey = await read(mirror);
  const rules = new Map<string, { kind: string; versions: string[]; path: string; message: string; channels: Channel[] }>();
  const enums = new Map<string, { kind: string; versions: string[]; path: string; standard: string[]; experimental: string[] }>();
  const patterns = new Map<string, { kind: string; versions: string[]; path: string; standard: string | null; experimental: string | null }>();
  const versionRules = new Map<string, { kind: string; versions: string[]; path: string; message: string }>();
  for (const [key, by] of byKey) {
    const [kind = '', version = ''] = key.split('/');
    const s = by.standard;
    const e = by.experimental;
    if (!s || !e) continue;
    for (const rule of new Set([...s.rules, ...e.rules])) {
      if (s.rules.has(rule) && e.rules.has(rule)) continue;
      const [path = '', message = ''] = rule.split('\t');
      const channels: Channel[] = s.rules.has(rule) ? ['standard'] : ['experimental'];
      add(rules, JSON.stringify([kind, rule, channels]), version, () => ({ kind, versions: [], path, message, channels }));
    }
    for (const path of new Set([...s.enums.keys(), ...e.enums.keys()])) {
      const sv = s.enums.get(path) ?? [];
      const ev = e.enums.get(path) ?? [];
      if (!s.paths.has(path) || !e.paths.has(path) || JSON.stringify(sv) === JSON.stringify(ev)) continue;
      add(enums, JSON.stringify([kind, path, sv, ev]), version, () => ({ kind, versions: [], path, standard: sv, experimental: ev }));
    }
    for (const path of new Set([...s.patterns.keys(), ...e.patterns.keys()])) {
      const sp = s.patterns.get(path) ?? null;
      const ep = e.patterns.get(path) ?? null;
      if (!s.paths.has(path) || !e.paths.has(path) || sp === ep) continue;
      add(patterns, JSON.stringify([kind, path, sp, ep]), version, () => ({ kind, versions: [], path, standard: sp, experimental: ep }));
    }
  }
  // Within the experimental channel: rules some served versions of a kind have and others lack.
  const kinds = new Set([...byKey.keys()].map((k) => k.split('/')[0] ?? ''));
  for (const kind of kinds) {
    const versions = [...byKey].filter(([k, by]) => k.startsWith(`${kind}/`) && by.experimental).map(([k, by]) => [k.split('/')[1] ?? '', by.experimental as Facts] as const);
    if (versions.length < 2) continue;
    for (const rule of new Set(versions.flatMap(([, f]) => [...f.rules]))) {
      const having = versions.filter(([, f]) => f.rules.has(rule)).map(([v]) => v);
      if (having.length === versions.length) continue;
      const [path = '', message = ''] = rule.split('\t');
      versionRules.set(JSON.stringify([kind, rule]), { kind, versions: having, path, message });
    }
  }
  const served: Record<string, Record<Channel, string[]>> = {};
  for (const [key, by] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const [kind = '', version = ''] = key.split('/');
    const entry = (served[kind] ??= { standard: [], experimental: [] });
    for (const channel of CHANNELS) if (by[channel]) entry[channel].push(version);
  }
  const commit = (await git(mirror, 'rev-parse', `${RELEASE}^{commit}`)).trim();
  const data = {
    source: { repo: REPO, tag: RELEASE, commit, files: 'config/crd/{standard,experimental}/gateway.networking.k8s.io_*.yaml' },
    served,
    rules: [...rules.values()],
    enums: [...enums.values()],
    patterns: [...patterns.values()],
    versionRules: [...versionRules.values()],
  };
  return `// Generated by src/tools/gen-channel-rules.ts (npm run gen:channel-rules) from ${REPO} at ${RELEASE} (${commit}). Do not edit.\nexport default ${JSON.stringify(data, null, 1)};\n`;
}

async function main(): Promise<void> {
  const mirror = requireMirror(process.argv.slice(2));
  const text = await generateChannelRules(mirror);
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, text);
  console.log(`${relative(PROJECT, OUT_FILE)}: ${text.length} bytes`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
