import type { StatusCondition, StatusItem } from '../core/index.js';
import type { ParsedArgs } from './args.js';
import { loadDesign } from './design-input.js';
import { escapeControls, jsonText } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { commonOptions } from './options.js';
import { targetLine, withTarget } from './target-output.js';

/**
 * `route-designer status FILE...` — the status a conformant controller would write on every
 * Gateway API object (DESIGN.md "status --format json": a v1 List). Exit 0, or 2 for unusable input.
 */
export async function runStatus(args: ParsedArgs, io: CliIO): Promise<number> {
  const common = commonOptions(args);
  const design = await loadDesign('status', args, common, io);
  if (typeof design === 'number') return design;
  // The status a conformant controller writes does not depend on the target: it is only named.
  if (common.format === 'json') io.stdout(jsonText(withTarget(design.status, common.target)));
  else io.stdout(`${common.target ? `${targetLine(common.target)}\n` : ''}${design.status.items.map(formatItem).join('')}`);
  return EXIT.ok;
}

/** One object's status as lines of text; every line is escaped (names and messages come from the input). */
function formatItem(item: StatusItem): string {
  const name = item.metadata.namespace === undefined ? item.metadata.name : `${item.metadata.namespace}/${item.metadata.name}`;
  const s = item.status;
  const lines = [`${item.kind} ${name}${s.conditions ? `: ${formatConditions(s.conditions)}` : ''}`];
  for (const l of s.listeners ?? []) {
    lines.push(`  listener ${l.name}: ${l.attachedRoutes} route(s) attached, kinds ${l.supportedKinds.map((k) => k.kind).join(', ') || 'none'}; ${formatConditions(l.conditions)}`);
  }
  if (s.attachedListenerSets !== undefined && s.attachedListenerSets > 0) lines.push(`  attached ListenerSets: ${s.attachedListenerSets}`);
  for (const p of s.parents ?? []) {
    const ref = p.parentRef;
    const section = ref.sectionName === undefined ? '' : ` section ${ref.sectionName}`;
    const port = ref.port === undefined ? '' : ` port ${ref.port}`;
    lines.push(`  parent ${ref.kind} ${ref.namespace}/${ref.name}${section}${port} (${p.controllerName}): ${formatConditions(p.conditions)}`);
  }
  for (const a of s.ancestors ?? []) {
    lines.push(`  ancestor ${a.ancestorRef.kind} ${a.ancestorRef.namespace}/${a.ancestorRef.name}: ${formatConditions(a.conditions)}`);
  }
  if (s.parents?.length === 0) lines.push('  (no parent handled by a controller in this design)');
  return lines.map((l) => `${escapeControls(l)}\n`).join('');
}

/** `Accepted=True, ResolvedRefs=False (BackendNotFound: Service shop/x is not in this design)`. */
function formatConditions(cs: readonly StatusCondition[]): string {
  return cs
    .map((c) => {
      const bad = (c.type === 'Conflicted' || c.type === 'PartiallyInvalid' || c.type === 'OverlappingTLSConfig') === (c.status === 'True');
      return bad ? `${c.type}=${c.status} (${c.reason}: ${c.message})` : `${c.type}=${c.status}`;
    })
    .join(', ');
}
