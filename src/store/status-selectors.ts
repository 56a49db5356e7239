import { makeResourceId, splitApiVersion, type StatusItem, type StatusList } from '../core/index';
import type { DesignState } from './design-store';

const byResource = new WeakMap<StatusList, Map<string, StatusItem>>();

/**
 * The controller status of one resource (Gateway API objects only; Istio writes none), from the
 * analysis the canvas shows: what `kubectl get -o yaml` would show under `status:`.
 */
export function selectObjectStatus(s: DesignState, resourceId: string): StatusItem | undefined {
  const list = s.shown?.status;
  if (!list) return undefined;
  let m = byResource.get(list);
  if (!m) {
    m = new Map();
    for (const item of list.items) {
      const id = makeResourceId(splitApiVersion(item.apiVersion).group, item.kind, item.metadata.namespace ?? '', item.metadata.name);
      if (!m.has(id)) m.set(id, item);
    }
    byResource.set(list, m);
  }
  return m.get(resourceId);
}
