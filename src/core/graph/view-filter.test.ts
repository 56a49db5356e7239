import { describe, expect, it } from 'vitest';
import bookinfo from '../../../e2e/fixtures/shown/bookinfo-like.yaml?raw';
import { graphOf, short } from './test-helpers.js';
import { filterGraph, type GraphFilter } from './view-filter.js';

const filter = (f: Partial<GraphFilter>): GraphFilter => ({ namespaces: new Set(), kinds: new Set(), showAside: false, ...f });

describe('filterGraph over a Bookinfo-like design', () => {
  const g = graphOf(bookinfo);
  const kinds = (f: GraphFilter) => [...new Set(filterGraph(g, f).nodes.map((n) => n.kind))];

  it.each([
    ['by default: what is kept aside is not drawn', filter({}), ['Gateway', 'VirtualService', 'Service', 'Deployment'], ['ns:ingress', 'ns:books'], 12],
    ['showing what is kept aside: everything', filter({ showAside: true }), ['Gateway', 'VirtualService', 'Service', 'ServiceAccount', 'Deployment', 'ConfigMap'], ['ns:ingress', 'ns:books'], 12],
    ['a kind away: its nodes and their edges', filter({ kinds: new Set(['other:Deployment']) }), ['Gateway', 'VirtualService', 'Service'], ['ns:ingress', 'ns:books'], 6],
    ['the Istio Gateway is not the Gateway API one', filter({ kinds: new Set(['gateway-api:Gateway']) }), ['Gateway', 'VirtualService', 'Service', 'Deployment'], ['ns:ingress', 'ns:books'], 12],
    ['a namespace away: its group and nodes; a group left empty goes too', filter({ namespaces: new Set(['books']) }), ['Gateway'], ['ns:ingress'], 0],
    ['every kind of a namespace away: its group goes', filter({ kinds: new Set(['istio:Gateway']) }), ['VirtualService', 'Service', 'Deployment'], ['ns:books'], 11],
  ])('%s', (_case, f, expectedKinds, groups, edges) => {
    const view = filterGraph(g, f);
    expect(kinds(f)).toEqual(expectedKinds);
    expect(view.groups.map((x) => x.id)).toEqual(groups);
    expect(view.edges).toHaveLength(edges);
    const drawn = new Set(view.nodes.map((n) => n.id));
    for (const e of view.edges) expect(drawn.has(e.source) && drawn.has(e.target), e.id).toBe(true);
    // The document is whole: every resource still has the node that stands for it.
    expect(view.nodeByResource).toBe(g.nodeByResource);
  });

  it('nothing to hide: the same graph', () => {
    const none = graphOf(bookinfo.split('\n---\n').slice(0, 3).join('\n---\n'));
    expect(filterGraph(none, filter({}))).toBe(none);
  });

  it('a declared Namespace keeps its group when all it holds is hidden', () => {
    const view = filterGraph(graphOf('apiVersion: v1\nkind: Namespace\nmetadata: {name: web}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: web}\n'), filter({}));
    expect(view.groups.map((x) => x.id)).toEqual(['ns:web']);
    expect(view.nodes.map((n) => short(n.id))).toEqual([]);
  });
});
