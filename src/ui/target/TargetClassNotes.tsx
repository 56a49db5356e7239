import type { ClassController } from './target-choices';

/**
 * Which implementation judges each Gateway when none is picked: a GatewayClass whose controller
 * belongs to a known implementation makes it the target of its Gateways (issue 14 scope 1) —
 * unless one is picked here, which then judges every Gateway.
 */
export function TargetClassNotes({ classes, picked }: { readonly classes: readonly ClassController[]; readonly picked: string }) {
  if (classes.length === 0) return null;
  return (
    <ul className="rd-target-classes" aria-label="GatewayClasses of the design" data-testid="target-classes">
      {classes.map((c) => (
        <li key={c.name} data-testid={`target-class-${c.name}`}>
          {note(c, picked)} <span className="rd-muted">(controller <code>{c.controllerName}</code>)</span>
        </li>
      ))}
    </ul>
  );
}

function note(c: ClassController, picked: string): string {
  if (picked !== '') return c.implementation === undefined || c.implementation === picked ? `Gateways of class ${c.name} are judged as ${picked}, picked here.` : `Gateways of class ${c.name} are judged as ${picked}, picked here, not as ${c.implementation}, whose controller it names.`;
  if (c.implementation === undefined) return `Gateways of class ${c.name} name no controller with a conformance report: they are judged as any implementation unless you pick one here.`;
  return `Gateways of class ${c.name} are judged as ${c.implementation} unless you pick one here.`;
}
