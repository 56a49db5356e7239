/**
 * Monaco, bundled locally (never from a CDN) from its slim entries: the editor API, the editor
 * features, and the YAML language only — not the full entry with its TypeScript/CSS/HTML workers
 * and ~80 languages. This module is only reached through React.lazy (see App.tsx).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type SchemasSettings } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';

export { monaco };

/** vs's YAML colours, a shade darker: ≥ 4.5:1 on white and on the highlighted lines. */
const LIGHT_RULES = [
  { token: 'type', foreground: '007575' },
  { token: 'number', foreground: '07754d' },
  { token: 'comment', foreground: '007000' },
];

export const themeName = (theme: 'light' | 'dark'): string => (theme === 'dark' ? 'rd-dark' : 'rd-light');

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  worker?: Worker | Promise<Worker>;
}

interface MonacoEnvironmentLike {
  getWorker(moduleId: string, label: string): Worker;
}

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  const env: MonacoEnvironmentLike = {
    getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  (globalThis as unknown as { MonacoEnvironment: MonacoEnvironmentLike }).MonacoEnvironment = env;
  wrapCreateWebWorker(env);
  // The app's own surfaces, so the editor does not look pasted in.
  // Line numbers and tokens are text: WCAG 2.1 AA wants 4.5:1 against the editor's background
  // (#667085 on white is 4.97:1; #808c9c on #161b22 is 5.07:1; vs-dark's comment green #608b4e was 4.37:1),
  // also on the selected object's highlight (#e8eefc at most): vs's teal keys #008080 were 4.36:1 there.
  monaco.editor.defineTheme('rd-light', { base: 'vs', inherit: true, rules: LIGHT_RULES, colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff', 'editorLineNumber.foreground': '#667085' } });
  monaco.editor.defineTheme('rd-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: { 'editor.background': '#161b22', 'editorGutter.background': '#161b22', 'editorLineNumber.foreground': '#808c9c' } });

  const yaml = configureMonacoYaml(monaco as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false,
    // Our own diagnostics (parse, schema, CEL rules) are the markers; monaco-yaml's would repeat them.
    validate: false,
    completion: true,
    hover: true,
    isKubernetes: true,
    schemas: [],
  });
  void loadEditorSchemas().then((schemas) => {
    if (schemas.length > 0) void yaml.update({ schemas });
  });
  return monaco;
}

/**
 * monaco-editor ≥ 0.53 wants `createWebWorker({ worker })`, while monaco-yaml 5.5.1 still passes
 * `{ moduleId, label, createData }` (monaco-yaml issues #272, #275). Create the worker through
 * MonacoEnvironment and hand over createData the way monaco-worker-manager's worker expects it:
 * a first message that starts its initialisation, then the data.
 */
function wrapCreateWebWorker(env: MonacoEnvironmentLike): void {
  const original = monaco.editor.createWebWorker;
  const wrapped = (opts: LegacyWorkerOptions) => {
    if (opts.worker) return original(opts as Parameters<typeof original>[0]);
    const worker = env.getWorker(opts.moduleId ?? 'workerMain.js', opts.label ?? opts.moduleId ?? 'worker');
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return original({ ...opts, worker } as Parameters<typeof original>[0]);
  };
  (monaco.editor as unknown as { createWebWorker: typeof wrapped }).createWebWorker = wrapped;
}

/**
 * Completion and hover schemas, when the project has them (`editor-schemas.ts`, generated from
 * the CRDs). Found by glob so the editor works — without completion — before that file exists.
 */
async function loadEditorSchemas(): Promise<SchemasSettings[]> {
  const modules = import.meta.glob<{ editorSchemas?: () => SchemasSettings[] }>('../../core/validate/schema/editor-schemas.ts');
  const load = Object.values(modules)[0];
  if (!load) return [];
  try {
    const mod = await load();
    return mod.editorSchemas?.() ?? [];
  } catch {
    return [];
  }
}
