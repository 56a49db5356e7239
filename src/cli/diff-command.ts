import { diffVerdicts, review, type Diagnostic, type Verdict } from '../core/index.js';
import { UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import { loadGitVersions } from './diff-git.js';
import { formatDiffMarkdown } from './diff-markdown.js';
import { reportJson, type DiffReport, type DiffVersion } from './diff-report.js';
import { formatDiffText } from './diff-text.js';
import { escapeControls, jsonText } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources, type LoadedInput } from './load-files.js';
import { COMMON_FLAGS, commonOptions } from './options.js';
import { targetOption } from './target-output.js';

export const DIFF_FLAGS: readonly FlagSpec[] = [...COMMON_FLAGS, { name: 'git', takesValue: true }];

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `route-designer diff OLD NEW` (each a file, a directory or -) or `diff --git REV [PATH...]` —
 * which requests behave differently between two versions of a design (core diffDesigns: each
 * version reviewed as `validate` reviews it), the controller status that changes and the problems
 * added and fixed. Exit 0 when no request behaves differently (status or problem changes alone
 * included), 4 when some do, 1 when a version cannot be read (YAML errors, bytes that are not
 * characters: nothing is compared), 2 for usage or unusable input — including no Kubernetes
 * object in either version (one version with none is a design that was added or removed whole).
 */
export async function runDiff(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = args.flags.get('format')?.[0] ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json or markdown, not ${format}`);
  const common = commonOptions({ ...args, flags: new Map([...args.flags].filter(([k]) => k !== 'format')) });
  const loaded = await load(args, io);
  // Both versions are judged, and the diff's requests simulated, for the same --target.
  const options = { defaultNamespace: common.namespace, assumeExternal: common.assumeExternal, ...targetOption(common.target) };
  const [before, after] = [review(loaded.before.sources, options), review(loaded.after.sources, options)];
  if (before.parsed.resources.length === 0 && after.parsed.resources.length === 0) {
    io.stderr(`route-designer diff: no Kubernetes objects in ${escapeControls(loaded.old.label)} nor in ${escapeControls(loaded.new.label)}\n`);
    return EXIT.usage;
  }
  for (const [v, verdict] of [[loaded.old, before], [loaded.new, after]] as const) {
    if (verdict.parsed.resources.length === 0) io.stderr(`route-designer diff: note: no Kubernetes objects in ${escapeControls(v.label)}: every request is compared with a design that has none\n`);
  }
  const [a, b] = [withDecoding(before, loaded.before), withDecoding(after, loaded.after)];
  const report: DiffReport = { diff: diffVerdicts(a, b, targetOption(common.target)), old: version(loaded.old, a), new: version(loaded.new, b), target: common.target };
  io.stdout(render(report, format as Format));
  if (!report.diff.compared) return EXIT.errors;
  return report.diff.changes.length > 0 ? EXIT.changed : EXIT.ok;
}

function render(r: DiffReport, format: Format): string {
  if (format === 'json') return jsonText(reportJson(r));
  return format === 'markdown' ? formatDiffMarkdown(r) : formatDiffText(r);
}

interface Loaded {
  readonly before: LoadedInput;
  readonly after: LoadedInput;
  readonly old: Omit<DiffVersion, 'errors'>;
  readonly new: Omit<DiffVersion, 'errors'>;
}

async function load(args: ParsedArgs, io: CliIO): Promise<Loaded> {
  const rev = args.flags.get('git')?.[0];
  if (rev !== undefined) {
    const { before, after } = await loadGitVersions(rev, args.files, io);
    const paths = args.files.length === 0 ? ['.'] : args.files;
    return { before, after, old: { label: rev, files: null }, new: { label: 'the working tree', files: paths } };
  }
  if (args.files.length !== 2) throw new UsageError(`expected OLD and NEW (each a file, a directory or -), or --git REV [PATH...]; got ${args.files.length} path(s)`);
  const [oldPath = '', newPath = ''] = args.files;
  if (oldPath === '-' && newPath === '-') throw new UsageError('- (stdin) is given more than once');
  const [before, after] = [await loadSources([oldPath], io), await loadSources([newPath], io)];
  const label = (p: string): string => (p === '-' ? '<stdin>' : p);
  return { before, after, old: { label: label(oldPath), files: [oldPath] }, new: { label: label(newPath), files: [newPath] } };
}

/**
 * Bytes that are not characters make a version unreadable: its names would be read with U+FFFD
 * and every route in it would seem changed. Its InvalidEncoding errors join its problems.
 */
function withDecoding(v: Verdict, input: LoadedInput): Verdict {
  if (input.diagnostics.length === 0) return v;
  return { ...v, diagnostics: [...input.diagnostics, ...v.diagnostics], compiled: null };
}

function version(v: Omit<DiffVersion, 'errors'>, verdict: Verdict): DiffVersion {
  const errors: Diagnostic[] = verdict.compiled === null ? verdict.diagnostics.filter((d) => d.severity === 'error') : [];
  return { ...v, errors };
}
