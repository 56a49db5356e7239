import { parseRequest, simulate, type MeshClient, type SimulateOptions } from '../core/index.js';
import { UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import { loadDesign } from './design-input.js';
import { jsonText } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { COMMON_FLAGS, commonOptions } from './options.js';
import { backendBehaviour } from './simulate-attempts.js';
import { formatDecision } from './simulate-text.js';
import { targetLine, targetOption, withTarget } from './target-output.js';

export const SIMULATE_FLAGS: readonly FlagSpec[] = [
  ...COMMON_FLAGS,
  { name: 'request', takesValue: true },
  { name: 'header', alias: 'H', takesValue: true, repeatable: true },
  { name: 'sni', takesValue: true },
  { name: 'gateway', takesValue: true },
  { name: 'mesh', takesValue: false },
  { name: 'from', takesValue: true },
  { name: 'from-labels', takesValue: true },
  { name: 'backend-status', takesValue: true },
  { name: 'backend-delay', takesValue: true },
];

const NS_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([^/\s]+)$/;

/**
 * `route-designer simulate FILE... --request 'GET https://host/path' [-H 'name: value']... [--sni NAME]
 * [--gateway NS/NAME | --mesh --from NS/WORKLOAD [--from-labels k=v,...]] [--backend-status 503,200]
 * [--backend-delay 2s]` — which backend the request hits, and why (with a backend behaviour: each
 * try, and when the client gets what). Exit 0 with an answer (whatever its status), 2 for usage or
 * unusable input.
 */
export async function runSimulate(args: ParsedArgs, io: CliIO): Promise<number> {
  const common = commonOptions(args);
  const text = args.flags.get('request')?.[0];
  if (text === undefined) throw new UsageError("--request is required, e.g. --request 'GET https://shop.example.com/cart'");
  const sni = args.flags.get('sni')?.[0];
  const parsed = parseRequest(text, args.flags.get('header') ?? [], sni === undefined ? {} : { sni });
  if (!parsed.ok) throw new UsageError(`--request: ${parsed.error}`);
  const backend = backendBehaviour(args);
  const options: SimulateOptions = { ...simulateOptions(args), ...(backend ? { backend } : {}), ...targetOption(common.target) };
  const design = await loadDesign('simulate', args, common, io);
  if (typeof design === 'number') return design;
  const decision = simulate(design.table, parsed.request, options);
  const heading = common.target ? `${targetLine(common.target)}\n` : '';
  io.stdout(common.format === 'json' ? jsonText(withTarget(decision, common.target)) : `${heading}${formatDecision(decision)}`);
  return EXIT.ok;
}

function simulateOptions(args: ParsedArgs): SimulateOptions {
  const gateway = args.flags.get('gateway')?.[0];
  const mesh = args.flags.has('mesh');
  const from = args.flags.get('from')?.[0];
  const labels = args.flags.get('from-labels')?.[0];
  if (gateway !== undefined && mesh) throw new UsageError('--gateway and --mesh cannot be combined');
  if (mesh !== (from !== undefined)) throw new UsageError('--mesh and --from NS/WORKLOAD go together');
  if (labels !== undefined && !mesh) throw new UsageError('--from-labels needs --mesh --from');
  if (gateway !== undefined) {
    const m = NS_NAME.exec(gateway);
    if (!m) throw new UsageError(`--gateway: expected NS/NAME, not ${gateway}`);
    return { gateway: { namespace: m[1] ?? '', name: m[3] ?? '' } };
  }
  if (from === undefined) return {};
  const m = NS_NAME.exec(from);
  if (!m) throw new UsageError(`--from: expected NS/WORKLOAD, not ${from}`);
  const client: MeshClient = { namespace: m[1] ?? '', workload: m[3] ?? '', labels: parseLabels(labels ?? '') };
  return { mesh: client };
}

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--from-labels: expected k=v,..., not ${pair}`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}
