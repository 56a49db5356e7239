/**
 * Test harness: monaco-yaml's own worker (the yaml-language-server build the editor runs) in
 * Node, without Monaco. The worker module registers itself through monaco-worker-manager, which
 * needs a Web Worker; a copy of it with that one import replaced hands us its factory instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface CompletionItem {
  readonly label: string;
  readonly documentation?: unknown;
}

export interface YamlWorker {
  doComplete(uri: string, position: Position): Promise<{ readonly items: readonly CompletionItem[] } | undefined>;
  doHover(uri: string, position: Position): Promise<{ readonly contents: unknown } | null | undefined>;
  doValidation(uri: string): Promise<readonly { readonly message: string; readonly range: { readonly start: Position } }[] | undefined>;
}

interface MirrorModel {
  readonly uri: { toString(): string };
  readonly version: number;
  getValue(): string;
}

type Factory = (ctx: { getMirrorModels(): MirrorModel[] }, createData: object) => YamlWorker;

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let factory: Promise<Factory> | undefined;

function loadFactory(): Promise<Factory> {
  factory ??= (async () => {
    const source = readFileSync(join(PROJECT, 'node_modules', 'monaco-yaml', 'yaml.worker.js'), 'utf8');
    const original = 'import { initialize } from "monaco-worker-manager/worker";';
    if (!source.includes(original)) throw new Error('monaco-yaml/yaml.worker.js changed: update the harness');
    const patched = source
      .replace(original, 'const initialize = (fn) => { globalThis.__routeDesignerYamlWorker = fn; };')
      // A CommonJS package: bundlers give its namespace the functions, Node only `default`.
      .replace(/import \* as (path\d*) from "path-browserify";/g, 'import $1 from "path-browserify";');
    // Inside node_modules, so that the worker's own imports (yaml, prettier…) resolve.
    const dir = join(PROJECT, 'node_modules', '.cache', 'route-designer');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'yaml-worker.mjs');
    writeFileSync(file, patched);
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    const fn = (globalThis as { __routeDesignerYamlWorker?: Factory }).__routeDesignerYamlWorker;
    if (!fn) throw new Error('the YAML worker did not register');
    return fn;
  })();
  return factory;
}

/** A worker over the given documents, configured as `configureMonacoYaml(monaco, options)` would. */
export async function createYamlWorker(documents: Readonly<Record<string, string>>, options: { readonly schemas: readonly object[] }): Promise<YamlWorker> {
  const create = await loadFactory();
  const models: MirrorModel[] = Object.entries(documents).map(([uri, text]) => ({ uri: { toString: () => uri }, version: 1, getValue: () => text }));
  return create(
    { getMirrorModels: () => models },
    { completion: true, hover: true, validate: true, format: { enable: false }, enableSchemaRequest: false, isKubernetes: false, customTags: [], yamlVersion: '1.2', ...options },
  );
}
