import { addVsTcpRoute, addVsTlsRoute, getAt } from '../../core/index';
import type { Target } from './field-model';
import { Field } from './Field';
import { EditButton, FieldRow, FormItem, FormSection } from './FormParts';
import { RouteOrderTools } from './RouteOrderTools';
import { VsDestinations } from './VsDestinations';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One line for a route's header: what its first match selects. */
function l4Title(route: unknown, i: number): string {
  const sni = list(getAt(route, ['match', 0, 'sniHosts'])).join(', ');
  const port = getAt(route, ['match', 0, 'port']);
  const parts = [sni, typeof port === 'number' ? `:${port}` : ''].filter(Boolean);
  return `${i + 1}. ${parts.length > 0 ? parts.join(' ') : 'every connection'}`;
}

/**
 * A VirtualService's `tls:` or `tcp:` routes, in order (the first whose match fits the connection
 * wins): the first match's SNI hosts (TLS), port and gateways, then weighted destinations.
 */
export function VsL4Routes({ target, section }: { target: Target; section: 'tls' | 'tcp' }) {
  const routes = list(getAt(target.object, ['spec', section]));
  const name = section.toUpperCase();
  return (
    <FormSection
      title={`${name} routes, first match wins (${routes.length})`}
      testId={`form-vs-${section}`}
      actions={
        <EditButton target={target} label={`Add a ${name} route`} update={section === 'tls' ? addVsTlsRoute : addVsTcpRoute} testId={`add-vs-${section}`}>
          + {name} route
        </EditButton>
      }
    >
      {routes.map((route, i) => {
        const match = ['spec', section, i, 'match', 0] as const;
        return (
          <FormItem key={i} title={l4Title(route, i)} testId={`vs-${section}-${i}`} at={{ target, path: ['spec', section, i] }} tools={<RouteOrderTools target={target} section={section} index={i} count={routes.length} />}>
            {section === 'tls' && <Field target={target} path={[...match, 'sniHosts']} label="SNI hosts" type="list" placeholder="within the VirtualService's hosts" />}
            <FieldRow>
              <Field target={target} path={[...match, 'port']} label="Port" type="number" placeholder="any" />
              <Field target={target} path={[...match, 'gateways']} label="Gateways" type="list" placeholder="as above" />
            </FieldRow>
            <VsDestinations target={target} section={section} index={i} />
          </FormItem>
        );
      })}
    </FormSection>
  );
}
