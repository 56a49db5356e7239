/**
 * Istio objects as the Istio compiler sees them, after the defaults and the name resolution
 * istiod applies before it builds proxy config (istio.md §1.1): short hosts resolved in the
 * object's namespace, gateway names as `ns/name`, `gateways` empty ⇒ `mesh`.
 * @see istio/api networking/v1alpha3/virtual_service.proto, gateway.proto
 */
import type { Resource } from '../../resources/types.js';

/** Istio `StringMatch`: `any` is the presence check (`{}` or `regex: "*"`, route.go canBeConvertedToPresentMatch). */
export type IstioStringMatch = { readonly kind: 'exact' | 'prefix' | 'regex'; readonly value: string } | { readonly kind: 'any' };

/** Where a rule came from: its own VirtualService, and for delegated rules the root rule too (istio.md §1.6). */
export interface RuleOrigin {
  readonly resource: Resource;
  readonly index: number;
  /** `spec.http[2]` */
  readonly path: string;
}

export interface HttpMatchModel {
  /** Index in the rule's `match[]` (after delegation: the delegate match's index). */
  readonly index: number;
  readonly path: string;
  readonly name: string;
  readonly uri: IstioStringMatch | null;
  readonly scheme: IstioStringMatch | null;
  readonly method: IstioStringMatch | null;
  readonly authority: IstioStringMatch | null;
  readonly headers: ReadonlyMap<string, IstioStringMatch>;
  readonly withoutHeaders: ReadonlyMap<string, IstioStringMatch>;
  readonly queryParams: ReadonlyMap<string, IstioStringMatch>;
  readonly ignoreUriCase: boolean;
  /** 0 = any port. */
  readonly port: number;
  readonly sourceLabels: Readonly<Record<string, string>>;
  readonly sourceNamespace: string;
  /** Resolved `ns/name` or `mesh`. */
  readonly gateways: readonly string[];
  /** Delegation: the root match this delegate match was merged with (istio.md §1.6). */
  readonly root?: { readonly index: number; readonly path: string };
  /** Delegation: the match is the root's own (the delegate rule had none). */
  readonly inherited?: boolean;
}

export interface DestinationModel {
  /** Resolved FQDN (short names in the namespace of the VirtualService that wrote it). */
  readonly host: string;
  /** As written. */
  readonly written: string;
  readonly subset: string | null;
  readonly port: number | null;
}

export interface HeaderOps {
  readonly set: readonly (readonly [string, string])[];
  readonly add: readonly (readonly [string, string])[];
  readonly remove: readonly string[];
}

export interface HeadersModel {
  readonly request: HeaderOps;
  readonly response: HeaderOps;
}

export interface WeightedDestinationModel {
  readonly destination: DestinationModel;
  readonly weight: number;
  readonly headers: HeadersModel | null;
  readonly path: string;
}

export interface RedirectModel {
  readonly uri: string;
  readonly prefixRewrite: string;
  readonly authority: string;
  readonly scheme: string;
  readonly port: number | null;
  readonly derivePort: 'FROM_PROTOCOL_DEFAULT' | 'FROM_REQUEST_PORT' | null;
  /** 0 = unset (301). */
  readonly redirectCode: number;
}

export interface RewriteModel {
  readonly uri: string;
  readonly authority: string;
  readonly uriRegexRewrite: { readonly match: string; readonly rewrite: string } | null;
}

export interface FaultModel {
  readonly delay: { readonly fixedDelay: string | null; readonly percent: number } | null;
  readonly abort: { readonly httpStatus: number | null; readonly grpcStatus: string | null; readonly percent: number } | null;
}

export interface RetriesModel {
  readonly attempts: number;
  readonly perTryTimeout: string | null;
  readonly retryOn: string | null;
  /** Envoy's base interval between retries (HTTPRetry.backoff). */
  readonly backoff: string | null;
}

export interface MirrorModel {
  readonly destination: DestinationModel;
  /** 0–100; null = unset (100 %). */
  readonly percent: number | null;
  readonly path: string;
}

export interface CorsModel {
  readonly allowOrigins: readonly IstioStringMatch[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: string | null;
  readonly allowCredentials: boolean;
  readonly unmatchedPreflights: 'Forward' | 'Ignore';
}

export interface HttpRuleModel {
  readonly origin: RuleOrigin;
  /** For a rule merged from a delegate: the root rule it replaced. */
  readonly delegatedFrom: RuleOrigin | null;
  readonly name: string;
  readonly match: readonly HttpMatchModel[];
  readonly route: readonly WeightedDestinationModel[];
  readonly redirect: RedirectModel | null;
  readonly directResponse: { readonly status: number; readonly body: string | null } | null;
  readonly delegate: { readonly name: string; readonly namespace: string } | null;
  readonly rewrite: RewriteModel | null;
  readonly timeout: string | null;
  readonly retries: RetriesModel | null;
  readonly fault: FaultModel | null;
  /** `mirror` (+ `mirrorPercentage`) and `mirrors[]`, in that order. */
  readonly mirrors: readonly MirrorModel[];
  readonly corsPolicy: CorsModel | null;
  readonly headers: HeadersModel | null;
}

export interface L4MatchModel {
  readonly index: number;
  readonly path: string;
  /** TLS only (`sniHosts`), lower-cased. */
  readonly sniHosts: readonly string[];
  readonly destinationSubnets: readonly string[];
  readonly port: number;
  readonly sourceLabels: Readonly<Record<string, string>>;
  readonly sourceNamespace: string;
  readonly gateways: readonly string[];
}

export interface L4RuleModel {
  readonly origin: RuleOrigin;
  readonly match: readonly L4MatchModel[];
  readonly route: readonly WeightedDestinationModel[];
}

export interface VirtualServiceModel {
  readonly resource: Resource;
  /** Resolved FQDNs (or wildcards / `*`), lower-cased. Empty for a delegate. */
  readonly hosts: readonly string[];
  /** Resolved `ns/name` or `mesh`; `[mesh]` when the field is empty. */
  readonly gateways: readonly string[];
  /** Namespaces it is visible to, `*` for all; empty set = none (`~`). */
  readonly exportTo: ReadonlySet<string>;
  readonly http: readonly HttpRuleModel[];
  readonly tls: readonly L4RuleModel[];
  readonly tcp: readonly L4RuleModel[];
  readonly creationTimestamp: string | null;
}

export type TlsMode = 'PASSTHROUGH' | 'SIMPLE' | 'MUTUAL' | 'AUTO_PASSTHROUGH' | 'ISTIO_MUTUAL' | 'OPTIONAL_MUTUAL';

export interface ServerModel {
  readonly gateway: Resource;
  /** `ns/name` of the Gateway. */
  readonly gatewayName: string;
  readonly index: number;
  readonly path: string;
  readonly portNumber: number;
  readonly protocol: string;
  readonly portName: string;
  readonly name: string;
  readonly bind: string;
  /** After `sanitizeServerHostNamespace`: `ns/host` kept for a named namespace, `host` for `*` (istio.md §2). */
  readonly hosts: readonly string[];
  /** null when the server has no `tls` block. */
  readonly tlsMode: TlsMode | null;
  readonly httpsRedirect: boolean;
}

export interface IstioGatewayModel {
  readonly resource: Resource;
  readonly name: string;
  /** null: the field is absent (every workload). */
  readonly selector: Readonly<Record<string, string>> | null;
  readonly servers: readonly ServerModel[];
  readonly creationTimestamp: string | null;
}
