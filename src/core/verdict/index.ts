/**
 * The reviewer's verdict (issue 10 scope 1): everything Route Designer can say about a design, in
 * one list — what the parser and the API server refuse (parse, schema, CEL, API-server rules),
 * what a controller writes in status (compile), what `istioctl analyze` reports (analyze/istio)
 * and the rules no request can reach (analyze/reach). `route-designer validate`, the app's
 * Problems panel and the canvas marks all read this one verdict, so they report the same set.
 */
import { analyzeIstio } from '../analyze/istio/index.js';
import { analyzeReach } from '../analyze/reach/index.js';
import { compile } from '../compile/index.js';
import type { CompileResult } from '../compile/types.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/types.js';
import { SourceLocations } from '../resources/locations.js';
import { parse, type ParseOptions, type ParseResult, type SourceFile } from '../resources/parse.js';
import type { RuleReach } from '../analyze/reach/types.js';
import { validate } from '../validate/index.js';
import { tlsDiagnostics } from '../validate/tls/index.js';
import { targetDiagnostics } from '../validate/target/index.js';
import { istioReleaseDiagnostics } from '../validate/target-istio/index.js';
import { DEFAULT_TARGET, type Target } from '../target/target.js';
import { installCertificateReader } from '../resources/install-certificate-reader.js';
import { dedupeDiagnostics } from './dedupe.js';
import { isBreaking } from './breaking.js';

export interface ReviewOptions {
  /** DESIGN.md "Objects outside the design": absent Services, Secrets, GatewayClasses count as present. */
  readonly assumeExternal?: boolean;
  /** Namespace of objects that name none (the CLI's `-n`); used when `review` parses. */
  readonly defaultNamespace?: string;
  /** Certificate verdicts read by an earlier parse of the same design (ParseOptions); used when `review` parses. */
  readonly knownSecretFacts?: ParseOptions['knownSecretFacts'];
  /**
   * Today, for certificate validity (CertificateExpired / NotYetValid / ExpiringSoon); the real
   * date when absent. Tests pass a fixed one.
   */
  readonly now?: Date;
  /**
   * The cluster the design is meant for (issue 14): its Gateway API release and channel and the
   * implementation judging it; absent = DEFAULT_TARGET (the newest release, experimental, no
   * implementation), under which a design gets exactly the verdict it had before targets.
   */
  readonly target?: Target;
  /** Called after each step (with the design as parsed), for progress displays. */
  readonly onStep?: (step: ReviewStep, parsed: ParseResult) => void;
}

/** The steps of a review, in order. */
export type ReviewStep = 'parsed' | 'validated' | 'compiled' | 'analyzed';

export interface Verdict {
  readonly parsed: ParseResult;
  /** Every problem, sorted by file, line and column, one per cause. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The compiled design (table and status); null when some document could not be read (YAML
   * errors): a design with objects missing would only yield false problems about them.
   */
  readonly compiled: CompileResult | null;
  /** Per rule (and per match of rules with several): reachable with a witness, shadowed, or undecided. */
  readonly reach: readonly RuleReach[];
  /** Some documents could not be read, so the checks that need the whole design did not run. */
  readonly broken: boolean;
}

// Wherever designs are reviewed (the analysis Worker, the CLI), the parser reads certificates
// (resources/certificate-reader.ts: kept out of the page's initial bundle).
installCertificateReader();

/** Files (parsed here) or an already parsed design → the whole verdict. Never throws on bad input. */
export function review(input: readonly SourceFile[] | ParseResult, options: ReviewOptions = {}): Verdict {
  const parsed = isParsed(input)
    ? input
    : parse(input, {
        ...(options.defaultNamespace === undefined ? {} : { defaultNamespace: options.defaultNamespace }),
        ...(options.knownSecretFacts === undefined ? {} : { knownSecretFacts: options.knownSecretFacts }),
      });
  options.onStep?.('parsed', parsed);
  const chosen = options.target ?? DEFAULT_TARGET;
  // The API server's rules are the target channel's own CRDs' (issue 16: they differ between channels).
  const validated = validate(parsed, { channel: chosen.channel });
  options.onStep?.('validated', parsed);
  const broken = validated.some(isBreaking);
  if (broken) {
    options.onStep?.('compiled', parsed);
    options.onStep?.('analyzed', parsed);
    return { parsed, diagnostics: finish(validated), compiled: null, reach: [], broken };
  }
  const locations = new SourceLocations(parsed.files);
  const locate = locations.range.bind(locations);
  const assumeExternal = options.assumeExternal === true;
  const compiled = compile(parsed.resources, { assumeExternal, locate });
  options.onStep?.('compiled', parsed);
  const istio = analyzeIstio({ resources: parsed.resources, table: compiled.table, locate, assumeExternal });
  const tls = tlsDiagnostics({ resources: parsed.resources, locate, now: options.now ?? new Date() });
  const reach = analyzeReach({ resources: parsed.resources, table: compiled.table, locate });
  const target = [...targetDiagnostics({ resources: parsed.resources, target: chosen, locate }), ...istioReleaseDiagnostics({ resources: parsed.resources, target: chosen, locate })];
  options.onStep?.('analyzed', parsed);
  // Listed most specific first: the first of two diagnostics for one cause is the one kept.
  const diagnostics = finish([...withoutTargetCauses(validated, target), ...compiled.diagnostics, ...istio, ...tls, ...reach.diagnostics, ...target.filter((d) => !sameCause(d, validated))]);
  return { parsed, diagnostics, compiled, reach: reach.rules, broken };
}

/**
 * One cause, one problem between the target check and the API-server checks: an apiVersion the
 * target does not serve is said by TargetKindNotServed (it names the target), not also by the
 * parser's channel warning (UnservedVersion); a value the schema already refuses for the target's
 * channel (SchemaEnum, UnknownField) is not also a TargetFieldNotInRelease.
 */
const TARGET_OVER: ReadonlySet<string> = new Set(['UnservedVersion']);
const SCHEMA_OVER: ReadonlySet<string> = new Set(['SchemaEnum', 'UnknownField']);

function samePlace(a: Diagnostic, b: Diagnostic): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

function withoutTargetCauses(validated: readonly Diagnostic[], target: readonly Diagnostic[]): readonly Diagnostic[] {
  const served = target.filter((t) => t.code === 'TargetKindNotServed');
  if (served.length === 0) return validated;
  return validated.filter((d) => !TARGET_OVER.has(d.code) || !served.some((t) => samePlace(t, d)));
}

function sameCause(d: Diagnostic, validated: readonly Diagnostic[]): boolean {
  return d.code === 'TargetFieldNotInRelease' && validated.some((v) => SCHEMA_OVER.has(v.code) && samePlace(v, d));
}

function finish(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return dedupeDiagnostics(diagnostics).sort(compareDiagnostics);
}

function isParsed(input: readonly SourceFile[] | ParseResult): input is ParseResult {
  return 'resources' in input;
}
