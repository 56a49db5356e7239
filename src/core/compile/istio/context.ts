/**
 * What building Istio entries needs to know about the proxy it builds for: Istio generates route
 * config per proxy (a gateway server, or the sidecars of the mesh), so selectors such as per-match
 * `gateways`, `port` and `sourceLabels` are resolved against this context (istio.md §1.3).
 */
import type { Resource } from '../../resources/types.js';
import type { Note } from '../types.js';
import type { IstioRegistry } from './registry.js';

export interface IstioSinks {
  /**
   * A runtime problem located at a resource field (`code` is an Istio* diagnostic code; `istioCode`
   * the `istioctl analyze` code with the same meaning, when one corresponds).
   */
  diagnose(resource: Resource, code: string, severity: 'error' | 'warning' | 'info', message: string, path?: string, istioCode?: string): void;
  note(note: Note): void;
}

export interface ProxyContext {
  readonly registry: IstioRegistry;
  readonly sinks: IstioSinks;
  readonly assumeExternal: boolean;
  /** `mesh` or the `ns/name` of the Gateway that declares the server. */
  readonly gatewayName: string;
  /** Listener port (gateway server port, or the mesh service port); 0 when unknown (mesh, ports not in the design). */
  readonly listenPort: number;
  /** The server has a `tls` block (affects the scheme a redirect keeps, route.go ApplyRedirect). */
  readonly isTls: boolean;
  /**
   * Labels and namespace of the proxy for source selection; null for the mesh, where source
   * selectors stay in the entry as conditions on the client.
   */
  readonly proxy: { readonly labels: Readonly<Record<string, string>>; readonly namespace: string } | null;
  /** Namespace used to pick DestinationRules (istio.md §3): the proxy's. */
  readonly configNamespace: string;
}

/** What every proxy context shares. */
export type BaseContext = Pick<ProxyContext, 'registry' | 'sinks' | 'assumeExternal'>;
