/**
 * Build-time generator of src/core/target/data/crd-availability.js (`npm run gen:crd-availability`):
 * which kinds, served API versions, field paths and enum values the Gateway API CRDs of each
 * release and channel have, for issue 14's target (version + channel) checks and exports.
 *
 * It reads `config/crd/<channel>/*.yaml` at each release tag of a local bare git mirror of
 * kubernetes-sigs/gateway-api (`git show <tag>:<file>`), and stores, per kind and apiVersion,
 * each entry's presence as intervals over the releases (format: src/core/target/availability-format.ts).
 * Entries: `@served` (the version is served), `@storage` (it is the stored version), field paths
 * and `path=value` enum values (gen-crd-availability-paths.ts). No CRD text is copied.
 *
 * Mirror: `--mirror=<git dir>` or GATEWAY_API_MIRROR, default /work/.mirror/kubernetes-sigs+gateway-api/repo.
 */
import { requireMirror } from './gateway-api-mirror.js';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadAll } from 'js-yaml';
import { CHANNELS, encodePresence, type Channel } from '../core/target/availability-format.js';
import { schemaPaths, type CrdSchema } from './gen-crd-availability-paths.js';

const run = promisify(execFile);
const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_FILE = join(PROJECT, 'src', 'core', 'target', 'data', 'crd-availability.js');
export const RELEASES = ['v1.2.0', 'v1.2.1', 'v1.3.0', 'v1.4.0', 'v1.4.1', 'v1.5.0', 'v1.5.1', 'v1.6.0', 'v1.6.1'] as const;
const REPO = 'https://github.com/kubernetes-sigs/gateway-api';

/** The parts of a CustomResourceDefinition the generator reads. */
interface Crd {
  readonly kind?: unknown;
  readonly spec?: {
    readonly group?: string;
    readonly names?: { readonly kind?: string };
    readonly versions?: readonly { readonly name: string; readonly served?: boolean; readonly storage?: boolean; readonly schema?: { readonly openAPIV3Schema?: CrdSchema } }[];
  };
}

/** kind → apiVersion → entry → channel → release indices. */
type Presence = Map<string, Map<string, Map<string, Record<Channel, number[]>>>>;

async function git(mirror: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', [`--git-dir=${mirror}`, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Records one CRD's entries (served versions only) for a release and channel. */
export function recordCrd(presence: Presence, crd: Crd, release: number, channel: Channel): void {
  const kind = crd.spec?.names?.kind;
  const group = crd.spec?.group;
  if (crd.kind !== 'CustomResourceDefinition' || kind === undefined || group === undefined) return;
  const byVersion = presence.get(kind) ?? new Map<string, Map<string, Record<Channel, number[]>>>();
  presence.set(kind, byVersion);
  for (const v of crd.spec?.versions ?? []) {
    if (v.served !== true) continue;
    const apiVersion = `${group}/${v.name}`;
    const entries = byVersion.get(apiVersion) ?? new Map<string, Record<Channel, number[]>>();
    byVersion.set(apiVersion, entries);
    const keys = ['@served', ...(v.storage === true ? ['@storage'] : []), ...schemaPaths(v.schema?.openAPIV3Schema ?? {})];
    for (const key of new Set(keys)) {
      const at = entries.get(key) ?? { standard: [], experimental: [] };
      entries.set(key, at);
      if (at[channel].at(-1) !== release) at[channel].push(release);
    }
  }
}

export async function generateCrdAvailability(mirror: string): Promise<string> {
  const presence: Presence = new Map();
  const tagCommits: Record<string, string> = {};
  for (const [index, tag] of RELEASES.entries()) {
    tagCommits[tag] = (await git(mirror, 'rev-parse', `${tag}^{commit}`)).trim();
    for (const channel of CHANNELS) {
      const dir = `config/crd/${channel}`;
      const names = (await git(mirror, 'ls-tree', '--name-only', `${tag}:${dir}`)).split('\n').filter((n) => n.endsWith('.yaml'));
      for (const name of names) {
        for (const doc of loadAll(await git(mirror, 'show', `${tag}:${dir}/${name}`))) recordCrd(presence, doc as Crd, index, channel);
      }
    }
  }
  const kinds: Record<string, Record<string, Record<string, string>>> = {};
  for (const kind of [...presence.keys()].sort()) {
    const versions: Record<string, Record<string, string>> = {};
    for (const [apiVersion, entries] of [...(presence.get(kind) ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
      versions[apiVersion] = Object.fromEntries([...entries].map(([key, at]) => [key, encodePresence(at, RELEASES.length)]));
    }
    kinds[kind] = versions;
  }
  const data = {
    source: { repo: REPO, files: 'config/crd/{standard,experimental}/*.yaml', tags: tagCommits },
    releases: RELEASES,
    kinds,
  };
  return `// Generated by src/tools/gen-crd-availability.ts (npm run gen:crd-availability) from ${REPO} at the tags in source.tags. Do not edit.\n// Values: presence intervals over \`releases\` per channel (src/core/target/availability-format.ts).\nexport default ${JSON.stringify(data)};\n`;
}

async function main(): Promise<void> {
  const mirror = requireMirror(process.argv.slice(2));
  const text = await generateCrdAvailability(mirror);
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, text);
  console.log(`${relative(PROJECT, OUT_FILE)}: ${text.length} bytes raw, ${gzipSync(text).length} bytes gzip`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
