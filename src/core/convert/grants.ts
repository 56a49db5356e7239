import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { KubeObject } from '../resources/types.js';
import { compareStrings } from './names.js';

/**
 * ReferenceGrants for the cross-namespace references the converted routes make (gateway-api.md
 * §3.4): one grant per (target namespace, source namespace), named `allow-from-<source ns>`,
 * listing the referring kinds and exactly the objects referred to.
 */
export class GrantCollector {
  private readonly grants = new Map<string, { toNs: string; fromNs: string; from: Set<string>; to: Set<string> }>();

  add(fromKind: string, fromNs: string, toKind: 'Service' | 'Secret', toNs: string, toName: string): void {
    if (fromNs === toNs) return;
    const key = `${toNs}\u0000${fromNs}`;
    const g = this.grants.get(key) ?? { toNs, fromNs, from: new Set<string>(), to: new Set<string>() };
    g.from.add(fromKind);
    g.to.add(`${toKind}\u0000${toName}`);
    this.grants.set(key, g);
  }

  objects(taken: (ns: string, name: string) => boolean): KubeObject[] {
    return [...this.grants.values()]
      .sort((a, b) => compareStrings(a.toNs, b.toNs) || compareStrings(a.fromNs, b.fromNs))
      .map((g) => {
        let name = `allow-from-${g.fromNs}`;
        for (let i = 2; taken(g.toNs, name); i++) name = `allow-from-${g.fromNs}-${i}`;
        return {
          apiVersion: `${GATEWAY_GROUP}/v1beta1`,
          kind: 'ReferenceGrant',
          metadata: { name, namespace: g.toNs },
          spec: {
            from: [...g.from].sort().map((kind) => ({ group: kind === 'Gateway' || kind.endsWith('Route') ? GATEWAY_GROUP : '', kind, namespace: g.fromNs })),
            to: [...g.to].sort().map((t) => {
              const [kind, name2] = t.split('\u0000') as [string, string];
              return { group: '', kind, name: name2 };
            }),
          },
        };
      });
  }
}
