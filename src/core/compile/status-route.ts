/**
 * Route `status.parents[]` (gateway-api.md §9.5): one entry per parentRef the controller sees, with
 * Accepted (NotAllowedByListeners, NoMatchingListenerHostname, NoMatchingParent, UnsupportedValue,
 * IncompatibleFilters), ResolvedRefs (RefNotPermitted, InvalidKind, BackendNotFound) and
 * PartiallyInvalid when some rules were dropped. Unresolved refs do not flip Accepted.
 */
import type { RouteResult } from './attach-all.js';
import { isRouteRefProblem, statusReason } from './backends.js';
import { generationOf } from './read.js';
import { condition } from './status-conditions.js';
import type { ObjectStatus, RouteParentStatus, StatusCondition, StatusParentRef } from './types.js';

export function routeStatus(result: RouteResult): ObjectStatus {
  const g = generationOf(result.route.resource.object);
  return {
    parents: result.parents.map((p): RouteParentStatus => {
      const ref: StatusParentRef = {
        group: p.parentRef.group,
        kind: p.parentRef.kind,
        namespace: p.parentRef.namespace,
        name: p.parentRef.name,
        ...(p.parentRef.sectionName === null ? {} : { sectionName: p.parentRef.sectionName }),
        ...(p.parentRef.port === null ? {} : { port: p.parentRef.port }),
      };
      const problems = p.compiled.backendProblems.filter(isRouteRefProblem);
      const first = problems[0];
      const reason = first ? statusReason(first) : 'ResolvedRefs';
      // The message names the reason of a problem only where it differs from the condition's own
      // reason, which is shown beside it (`BackendNotFound: Service a is not…`, never twice).
      const message = problems.map((x) => (statusReason(x) === reason ? x.message : `${statusReason(x)}: ${x.message}`)).join('; ');
      const conditions: StatusCondition[] = [
        condition('Accepted', p.accepted, p.reason, p.message, g),
        first ? condition('ResolvedRefs', false, reason, message, g) : condition('ResolvedRefs', true, 'ResolvedRefs', 'all references are resolved', g),
      ];
      const dropped = p.compiled.droppedRules;
      const firstDrop = dropped[0];
      if (p.accepted && firstDrop) {
        conditions.push(condition('PartiallyInvalid', true, firstDrop.problem.reason, `Dropped Rule(s): ${dropped.map((d) => `rule ${d.index}: ${d.problem.message}`).join('; ')}`, g));
      }
      return { parentRef: ref, controllerName: p.controllerName, conditions };
    }),
  };
}
