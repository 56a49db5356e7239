/**
 * What `diff` prints, whatever the format: the core's DesignDiff with the two versions named,
 * and `--format json` (DESIGN.md "diff --format json").
 */
import { describeTarget, type BehaviourChange, type DesignDiff, type Diagnostic, type Target } from '../core/index.js';
import { outcomeJson } from './diff-outcome.js';
import { requestWords } from './route-tests-text.js';
import { targetWords, withTarget } from './target-output.js';
import { toJson } from './validate-command.js';

export interface DiffVersion {
  /** How the reader knows it: `old.yaml`, `<stdin>`, `HEAD`, `the working tree`. */
  readonly label: string;
  /** What to give `simulate` as FILE... to see this version's answer; null when no file holds it (a git revision). */
  readonly files: readonly string[] | null;
  /** The errors that kept it from being compared (empty when it was read). */
  readonly errors: readonly Diagnostic[];
}

export interface DiffReport {
  readonly diff: DesignDiff;
  readonly old: DiffVersion;
  readonly new: DiffVersion;
  /** `--target`: both versions are judged, and the diff's requests simulated, for it; absent or null without the flag. */
  readonly target?: Target | null;
}

/** `1 request`, `2 requests`, `3 classes`. */
export const count = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;

/** The first line: "3 classes of requests behave differently", "No request behaves differently", "Not compared: …". */
export function headline(r: DiffReport): string {
  if (!r.diff.compared) {
    const bad = [r.old, r.new].filter((v) => v.errors.length > 0);
    const n = bad.reduce((sum, v) => sum + v.errors.length, 0);
    return `Not compared: ${bad.map((v) => v.label).join(' and ') || 'a version'} cannot be read (${count(n, 'error')})`;
  }
  const n = r.diff.changes.length;
  if (n === 0) return 'No request behaves differently';
  return n === 1 ? '1 class of requests behaves differently' : `${n} classes of requests behave differently`;
}

/**
 * "Compared old.yaml (before) with new.yaml (after): 214 candidate requests sent to both.", then
 * with a target " Problems judged and requests simulated for the target Gateway API v1.5.1
 * standard · cilium v1.20.0." (only "Problems judged" when the versions were not compared).
 */
export function scope(r: DiffReport): string {
  const base = `Compared ${r.old.label} (before) with ${r.new.label} (after)`;
  const target = r.target ? ` Problems judged${r.diff.compared ? ' and requests simulated' : ''} for the target ${describeTarget(r.target)}.` : '';
  return `${r.diff.compared ? `${base}: ${count(r.diff.candidates, 'candidate request')} sent to both.` : `${base}.`}${target}`;
}

/**
 * The witness as `simulate` takes it, with the files of a version (the new one's unless told) and
 * the `--target` the diff simulated it for, so the command gives the answer shown.
 */
export function simulateCommand(c: BehaviourChange, files: readonly string[] | null, target: Target | null): string {
  const q = (s: string): string => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  return `route-designer simulate ${files === null ? 'FILE...' : files.map(q).join(' ')} ${requestWords({ witness: c.witness })}${targetWords(target)}`;
}

/** Where the witness of every change can be run to see the before, in words. */
export function beforeHint(r: DiffReport): string {
  return r.old.files === null ? `Each example is the request to give simulate; run it on ${r.old.label} to see the before.` : `Each example is a simulate command on ${r.new.label}; the same on ${r.old.label} shows the before.`;
}

/** `--format json`. */
export function reportJson(r: DiffReport): unknown {
  const d = r.diff;
  return withTarget({
    changes: d.changes.map((c) => ({
      class: c.class,
      requests: c.requests,
      request: c.witness.request,
      headers: c.witness.headers,
      ...(c.witness.sni === undefined ? {} : { sni: c.witness.sni }),
      gateway: c.witness.gateway,
      mesh: c.witness.mesh,
      before: outcomeJson(c.before, c.after),
      after: outcomeJson(c.after, c.before),
    })),
    status: d.status,
    problems: { added: d.problems.added.map(toJson), fixed: d.problems.fixed.map(toJson) },
    compared: d.compared,
    candidates: d.candidates,
    uncrossed: d.uncrossed,
    unreadable: { old: r.old.errors.map(toJson), new: r.new.errors.map(toJson) },
  }, r.target ?? null);
}
