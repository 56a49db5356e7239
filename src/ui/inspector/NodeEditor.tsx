import type { GraphNode } from '../../core/index';
import { selectResource, useDesign } from '../../store/index';
import { useEditing } from '../editing/useEditing';
import { useFormLocked } from './Field';
import { ObjectForm } from './ObjectForm';
import { useObjectChecker } from './useObjectChecker';
import './inspector.css';

/**
 * The editing part of the inspector: a form for the node's object (and for the DestinationRules
 * folded into it), and Delete. Every change goes through the editing layer as one named step.
 */
export function NodeEditor({ node }: { node: GraphNode }) {
  const resource = useDesign((s) => (node.resourceId ? selectResource(s, node.resourceId) : undefined));
  const requestDelete = useEditing((s) => s.requestDelete);
  const locked = useFormLocked();
  const checking = !useObjectChecker();
  if (node.role === 'missing' && node.related.length === 0) return null;
  return (
    <div className="rd-node-editor" data-testid="node-editor">
      <div className="rd-form-head">
        <h3 className="rd-section-title">Edit</h3>
        <span className="rd-spacer" />
        {locked && <span className="rd-muted">{locked}</span>}
        {!locked && checking && (
          <span className="rd-checking" role="status" data-testid="form-checking" title="Loading the rules that check each value as you type">
            checking…
          </span>
        )}
        {node.resourceId && (
          <button type="button" className="rd-button rd-button-small" onClick={() => requestDelete(node.id)} disabled={locked !== null} data-testid="inspector-delete" title="Delete (Del): asks how to treat the references">
            Delete…
          </button>
        )}
      </div>
      {resource && <ObjectForm resource={resource} />}
      {node.related.map((id) => (
        <RelatedForm key={id} resourceId={id} />
      ))}
    </div>
  );
}

function RelatedForm({ resourceId }: { resourceId: string }) {
  const resource = useDesign((s) => selectResource(s, resourceId));
  const requestDelete = useEditing((s) => s.requestDelete);
  const locked = useFormLocked();
  if (!resource) return null;
  return (
    <section className="rd-form-related" data-testid={`related-${resource.kind}`}>
      <div className="rd-form-head">
        <h3 className="rd-section-title">
          {resource.kind} {resource.name}
        </h3>
        <span className="rd-spacer" />
        <button type="button" className="rd-button rd-button-small" onClick={() => requestDelete(resourceId)} disabled={locked !== null} title={`Delete ${resource.kind} ${resource.name}`}>
          Delete…
        </button>
      </div>
      <ObjectForm resource={resource} />
    </section>
  );
}
