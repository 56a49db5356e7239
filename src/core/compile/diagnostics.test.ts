import { describe, expect, it } from 'vitest';
import { SourceLocations } from '../resources/locations.js';
import { parse } from '../resources/parse.js';
import { build, gateway, gatewayClass, http, httpRoute, service, to } from '../simulate/testing.js';
import { compile } from './index.js';

// README "What a controller would report": the status facts as located diagnostics.
describe('compile diagnostics', () => {
  it('reports each runtime problem once, at the field that causes it', () => {
    const d = build([
      gatewayClass(),
      gateway('gw', [http('a', 'x.io'), http('b', 'x.io')]),
      service('s'),
      httpRoute('r1', { parentRefs: [{ name: 'gw', sectionName: 'nope' }], rules: [{ backendRefs: [to('s')] }] }),
      httpRoute('r2', { rules: [{ backendRefs: [to('missing')] }, { matches: [{ path: { type: 'Weird', value: '/' } }], backendRefs: [to('s')] }] }),
      httpRoute('r3', { parentRefs: [{ name: 'ghost' }] }),
    ]);
    expect(d.diagnostics.map((x) => [x.code, x.resource?.name, x.path])).toEqual([
      ['ParentNotFound', 'r3', 'spec.parentRefs[0]'],
      ['ListenerNotValid', 'gw', 'spec.listeners[0]'],
      ['ListenerNotValid', 'gw', 'spec.listeners[1]'],
      ['RouteNotAccepted', 'r1', 'spec.parentRefs[0]'],
      ['RuleDropped', 'r2', 'spec.rules[1]'],
      ['RefsNotResolved', 'r2', 'spec.rules[0].backendRefs[0]'],
    ]);
  });
  it('uses the locate option to point at the exact field', () => {
    const text = ['apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: r}', 'spec:', '  parentRefs:', '    - name: ghost'].join('\n');
    const parsed = parse([{ name: 'r.yaml', text }]);
    const locations = new SourceLocations(parsed.files);
    const d = compile(parsed.resources, { locate: (r, path) => locations.range(r, path) });
    expect(d.diagnostics.map((x) => [x.code, x.line, x.column])).toEqual([['ParentNotFound', 6, 7]]);
  });
});
