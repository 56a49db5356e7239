/**
 * The curated examples in public/examples/, offered by the empty canvas. Each is a complete,
 * valid design (examples.test.ts parses, validates and compiles every one: no errors).
 */
export interface Example {
  /** File in public/examples/. */
  readonly file: string;
  readonly title: string;
  /** One line: what it shows. */
  readonly description: string;
  readonly dialect: 'Gateway API' | 'Istio';
}

export const EMBEDDED_EXAMPLE = 'shop.yaml';

export const EXAMPLES: readonly Example[] = [
  { file: 'canary.yaml', title: 'Canary split', description: '90 % of /checkout to v1, 10 % to the v2 canary.', dialect: 'Gateway API' },
  { file: 'header-routing.yaml', title: 'Header-based routing', description: 'Requests with x-version: beta reach the beta build; all others, stable.', dialect: 'Gateway API' },
  { file: 'https-redirect.yaml', title: 'HTTPS redirect', description: 'Port 80 answers 301 to https; port 443 terminates TLS and serves the site.', dialect: 'Gateway API' },
  { file: 'cross-namespace.yaml', title: 'Cross-namespace with ReferenceGrant', description: "A frontend route sends /api to another team's Service, allowed by a ReferenceGrant.", dialect: 'Gateway API' },
  { file: 'istio-subsets.yaml', title: 'Istio subsets', description: 'A VirtualService splits 80/20 between DestinationRule subsets v1 and v2.', dialect: 'Istio' },
  { file: 'mesh-route.yaml', title: 'Mesh route (GAMMA)', description: 'An HTTPRoute on a Service splits east-west traffic 95/5 inside the mesh.', dialect: 'Gateway API' },
  { file: EMBEDDED_EXAMPLE, title: 'Online shop', description: 'The full tour: HTTPS edge, redirect, canary with a header opt-in, rewrite.', dialect: 'Gateway API' },
];

/** Fetches an example from the app's own origin (public/ is served beside index.html). */
export async function fetchExample(file: string): Promise<string> {
  const response = await fetch(`./examples/${file}`);
  if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
  return response.text();
}
