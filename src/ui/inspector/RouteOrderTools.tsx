import { moveVsRoute, removeItem, type VsSection } from '../../core/index';
import type { Target } from './field-model';
import { EditButton } from './FormParts';

/** ↑ ↓ × for a VirtualService route: order is behaviour (the first route that matches wins). */
export function RouteOrderTools({ target, section, index, count }: { target: Target; section: VsSection; index: number; count: number }) {
  const prefix = section === 'http' ? 'vs-route' : `vs-${section}`;
  const name = `${section === 'http' ? '' : `${section.toUpperCase()} `}route ${index + 1}`;
  return (
    <>
      <EditButton target={target} kind="icon" label={`Move ${name} up`} update={(o) => moveVsRoute(o, index, index - 1, section)} disabled={index === 0} testId={`${prefix}-up-${index}`}>
        ↑
      </EditButton>
      <EditButton target={target} kind="icon" label={`Move ${name} down`} update={(o) => moveVsRoute(o, index, index + 1, section)} disabled={index === count - 1} testId={`${prefix}-down-${index}`}>
        ↓
      </EditButton>
      <EditButton target={target} kind="icon" label={`Remove ${name}`} update={(o) => removeItem(o, ['spec', section, index])} testId={`${prefix}-remove-${index}`}>
        ×
      </EditButton>
    </>
  );
}
