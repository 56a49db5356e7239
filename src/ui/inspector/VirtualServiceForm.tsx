import { addVsRoute, getAt, isRecord, moveVsRoute, removeItem } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FormItem, FormSection } from './FormParts';
import { VsRouteFields } from './VsRouteFields';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One line for a route's header: its name, else its first match. */
function routeTitle(route: unknown, i: number): string {
  const name = getAt(route, ['name']);
  const uri = getAt(route, ['match', 0, 'uri']);
  const match = isRecord(uri) ? Object.entries(uri).map(([k, v]) => `${k} ${String(v)}`)[0] : undefined;
  return `${i + 1}. ${typeof name === 'string' ? name : (match ?? 'every request')}`;
}

/**
 * VirtualService: hosts, gateways, and its http routes in order — Istio uses the first that
 * matches, so order is behaviour: move a route up or down here, the canvas shows the new order.
 */
export function VirtualServiceForm({ target }: { target: Target }) {
  const http = list(getAt(target.object, ['spec', 'http']));
  const l4 = list(getAt(target.object, ['spec', 'tls'])).length + list(getAt(target.object, ['spec', 'tcp'])).length;
  return (
    <>
      <Field target={target} path={['spec', 'hosts']} label="Hosts" type="list" />
      <Field target={target} path={['spec', 'gateways']} label="Gateways" type="list" placeholder="mesh (default)" />
      <FormSection
        title={`HTTP routes, first match wins (${http.length})`}
        testId="form-vs-routes"
        actions={
          <EditButton target={target} label="Add an http route" update={addVsRoute} testId="add-vs-route">
            + route
          </EditButton>
        }
      >
        {http.map((route, i) => (
          <FormItem
            key={i}
            title={routeTitle(route, i)}
            testId={`vs-route-${i}`}
            at={{ target, path: ['spec', 'http', i] }}
            tools={
              <>
                <EditButton target={target} kind="icon" label={`Move route ${i + 1} up`} update={(o) => moveVsRoute(o, i, i - 1)} disabled={i === 0} testId={`vs-route-up-${i}`}>
                  ↑
                </EditButton>
                <EditButton target={target} kind="icon" label={`Move route ${i + 1} down`} update={(o) => moveVsRoute(o, i, i + 1)} disabled={i === http.length - 1} testId={`vs-route-down-${i}`}>
                  ↓
                </EditButton>
                <EditButton target={target} kind="icon" label={`Remove route ${i + 1}`} update={(o) => removeItem(o, ['spec', 'http', i])}>
                  ×
                </EditButton>
              </>
            }
          >
            <VsRouteFields target={target} index={i} />
          </FormItem>
        ))}
      </FormSection>
      {l4 > 0 && <p className="rd-hint">TLS and TCP routes ({l4}): edit them in the YAML.</p>}
    </>
  );
}
