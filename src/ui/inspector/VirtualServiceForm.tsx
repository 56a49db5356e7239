import { addVsRoute, getAt, isRecord } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FormItem, FormSection } from './FormParts';
import { RouteOrderTools } from './RouteOrderTools';
import { VsL4Routes } from './VsL4Routes';
import { VsRouteFields } from './VsRouteFields';
import { SimulateRule } from '../simulator/SimulateRule';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One line for a route's header: its name, else its first match. */
function routeTitle(route: unknown, i: number): string {
  const name = getAt(route, ['name']);
  const uri = getAt(route, ['match', 0, 'uri']);
  const match = isRecord(uri) ? Object.entries(uri).map(([k, v]) => `${k} ${String(v)}`)[0] : undefined;
  return `${i + 1}. ${typeof name === 'string' ? name : (match ?? 'every request')}`;
}

/**
 * VirtualService: hosts, gateways, and its http, tls and tcp routes in order — Istio uses the
 * first that matches, so order is behaviour: move a route up or down here, the canvas shows the
 * new order.
 */
export function VirtualServiceForm({ target }: { target: Target }) {
  const http = list(getAt(target.object, ['spec', 'http']));
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
                <SimulateRule resourceId={target.id} path={`spec.http[${i}]`} />
                <RouteOrderTools target={target} section="http" index={i} count={http.length} />
              </>
            }
          >
            <VsRouteFields target={target} index={i} />
          </FormItem>
        ))}
      </FormSection>
      <VsL4Routes target={target} section="tls" />
      <VsL4Routes target={target} section="tcp" />
    </>
  );
}
