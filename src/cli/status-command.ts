import type { StatusCondition, StatusItem } from '../core/index.js';
import type { ParsedArgs } from './args.js';
import { loadDesign } from './design-input.js';
import { EXIT, type CliIO } from './io.js';
import { commonOptions } from './options.js';

/**
 * `route-designer status FILE...` — the status a conformant controller would write on every
 * Gateway API object (DESIGN.md "status --format json": a v1 List). Exit 0, or 2 for unusable input.
 */
export async function runStatus(args: ParsedArgs, io: CliIO): Promise<number> {
  const common = commonOptions(args);
  const design = await loadDesign(args, common, io);
  if (typeof design === 'number') return design;
  if (common.format === 'json') io.stdout(`${JSON.stringify(design.status, null, 2)}\n`);
  else io.stdout(design.status.items.map(formatItem).join(''));
  return EXIT.ok;
}

function formatItem(item: StatusItem): string {
  const name = item.metadata.namespace === undefined ? item.metadata.name : `${item.metadata.namespace}/${item.metadata.name}`;
  const s = item.status;
  let out = `${item.kind} ${name}${s.conditions ? `: ${formatConditions(s.conditions)}` : ''}\n`;
  for (const l of s.listeners ?? []) {
    out += `  listener ${l.name}: ${l.attachedRoutes} route(s) attached, kinds ${l.supportedKinds.map((k) => k.kind).join(', ') || 'none'}; ${formatConditions(l.conditions)}\n`;
  }
  if (s.attachedListenerSets !== undefined && s.attachedListenerSets > 0) out += `  attached ListenerSets: ${s.attachedListenerSets}\n`;
  for (const p of s.parents ?? []) {
    const ref = p.parentRef;
    const section = ref.sectionName === undefined ? '' : ` section ${ref.sectionName}`;
    const port = ref.port === undefined ? '' : ` port ${ref.port}`;
    out += `  parent ${ref.kind} ${ref.namespace}/${ref.name}${section}${port} (${p.controllerName}): ${formatConditions(p.conditions)}\n`;
  }
  for (const a of s.ancestors ?? []) {
    out += `  ancestor ${a.ancestorRef.kind} ${a.ancestorRef.namespace}/${a.ancestorRef.name}: ${formatConditions(a.conditions)}\n`;
  }
  if (s.parents?.length === 0) out += '  (no parent handled by a controller in this design)\n';
  return out;
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
