import type { Resource, KubeObject } from '../resources/types.js';
import type { Design } from './design.js';
import type { GrantCollector } from './grants.js';
import type { Report } from './report.js';
import type { ConvertOptions } from './types.js';

/** A listener generated from one Istio Gateway server (and one of its hosts). */
export interface ListenerInfo {
  readonly gateway: Resource;
  /** Index of the Istio server it comes from (`spec.servers[i]`): Istio fills a virtual host server by server (istio.md §1.7). */
  readonly server: number;
  readonly name: string;
  readonly port: number;
  /** Gateway API protocol: HTTP, HTTPS, TLS, TCP. */
  readonly protocol: string;
  readonly tlsMode: 'Terminate' | 'Passthrough' | null;
  /** The server host's DNS part (`*` for any). */
  readonly host: string;
  /** Namespaces whose routes the listener admits (`*` = all). */
  readonly namespaces: readonly string[];
  /** Namespaces whose VirtualServices bind through the Istio server itself (`*` = all); narrower than `namespaces` where Istio's merged route table needs it (istio-gateway.ts). */
  readonly serverNamespaces: readonly string[];
  /** Istio `httpsRedirect`: only the generated redirect route attaches. */
  readonly httpsRedirect: boolean;
}

/** Shared state of an Istio → Gateway API conversion. */
export interface IstioCtx {
  readonly design: Design;
  readonly report: Report;
  readonly options: ConvertOptions;
  readonly grants: GrantCollector;
  /** Istio Gateway `ns/name` → its listeners. */
  readonly listeners: Map<string, ListenerInfo[]>;
  /** Generated per-subset Services, keyed `ns/name`. */
  readonly subsetServices: Map<string, KubeObject>;
}

