/**
 * What the trace and notes say of a choice the spec leaves to the implementation, when a target is
 * given (SimulateOptions.target): the implementation's choice with its source, "not known here"
 * when the table has no entry for it, or — a target with no implementation — that it is
 * implementation-specific. Each is said only when the choice mattered for the request.
 */
import type { Note, RedirectAction } from '../compile/types.js';
import { REGEX_NOTE } from '../compile/http-match.js';
import { uniqueNotes } from './decision.js';
import { redirectLocation } from './filters/redirect.js';
import { implementationLocation, type RedirectRequest } from './implementation-redirect.js';
import type { TargetView } from './implementation-target.js';
import type { MeshRule } from './implementation-table.js';

const note = (message: string): Note => ({ code: 'ImplementationSpecific', message });

const READ = { whole: 'must match the whole', 'from-start': 'must match from the start of the', anywhere: 'may match anywhere in the' } as const;

/** The note that stands for compile's REGEX_NOTE under a target with an implementation. */
export function regexNote(t: TargetView): Note | null {
  const impl = t.implementation;
  if (impl === null) return null;
  const r = impl.regex;
  if (!r) return note(`regular expressions: how ${impl.name} reads them is not known here; evaluated as RE2 matching the whole value, as Envoy-based implementations do`);
  return note(`regular expressions are read as ${impl.name} reads them: ${r.value.dialect}; a path regex ${READ[r.value.path]} path, a header or query regex ${READ[r.value.values]} value (${r.source})`);
}

/**
 * Notes with compile's generic regex note replaced by the target's, each said once: the walk adds
 * the same note for every regex entry it looks at, and compile's note comes with every such entry.
 */
export function withRegexNote(notes: readonly Note[], t: TargetView): Note[] {
  const replacement = regexNote(t);
  return uniqueNotes(replacement ? notes.map((n) => (n.code === REGEX_NOTE.code && n.message === REGEX_NOTE.message ? replacement : n)) : notes);
}

/** The Location under the target; a note when the port was the implementation's to write. */
export function targetLocation(t: TargetView, a: RedirectAction, req: RedirectRequest, notes: Note[]): string {
  const spec = redirectLocation(a, { scheme: req.scheme, host: req.host, port: req.listenerPort, listenerPort: req.listenerPort, pathAndQuery: req.pathAndQuery });
  const impl = t.implementation;
  const rule = impl?.redirectPort;
  if (impl && rule && rule.value !== 'spec') {
    const own = implementationLocation(rule.value, a, req);
    if (own !== spec) {
      notes.push(note(`redirect Location ${own} is written as ${impl.name} writes it; the spec's port rule gives ${spec} (${rule.source})`));
      return own;
    }
  }
  if (a.port !== null) return spec;
  if (impl === null) notes.push(note('requestRedirect.port is unset: the Location takes the spec\'s port (the redirect scheme\'s well-known port, else the listener port; none for http:80, https:443); implementations write it differently (implementation-specific)'));
  else if (!rule) notes.push(note(`requestRedirect.port is unset: how ${impl.name} writes the Location's port is not known here; the spec's rule is used`));
  else notes.push(note(`requestRedirect.port is unset: ${impl.name} writes the same Location as the spec's rule here (${rule.source})`));
  return spec;
}

/** Routes tied on every criterion, decided by age or name: what the target's implementation does. */
export function tieNote(t: TargetView, loser: string, winner: string): Note | null {
  const impl = t.implementation;
  if (impl === null) return null;
  const ties = impl.ties;
  if (!ties) return note(`${winner} and ${loser} tie on every precedence criterion: how ${impl.name} breaks such ties is not known here; the spec's order is used (oldest, then namespace/name)`);
  if (ties.value === 'spec') return note(`${winner} and ${loser} tie on every precedence criterion: ${impl.name} breaks the tie as the spec orders it, oldest first, then namespace/name (${ties.source})`);
  return note(`${winner} and ${loser} tie on every precedence criterion: ${impl.name} orders routers by a priority computed from each match, not by age or name, and documents no order between equal priorities; simulated with the spec's order (${ties.source})`);
}

/** Mesh: whose routes apply when the Host header names another Service — the rule, and the words for the trace. */
export function meshChoice(t: TargetView | undefined): { readonly rule: MeshRule | null; readonly words: string } | null {
  if (!t) return null;
  const impl = t.implementation;
  if (impl === null) return { rule: null, words: 'Host header or ClusterIP is implementation-specific (MeshClusterIPMatching); the spec\'s GEP-1294 rule is used' };
  if (!impl.mesh) return { rule: null, words: `how ${impl.name} picks routes here is not known (it does not claim MeshClusterIPMatching); the spec's GEP-1294 rule is used` };
  return { rule: impl.mesh.value, words: `${impl.name} routes by ${impl.mesh.value === 'host-header' ? 'the Host header' : 'the ClusterIP dialled'} (${impl.mesh.source})` };
}
