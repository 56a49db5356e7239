import { useEffect, useState } from 'react';
import { parse, validate, type Diagnostic, type Resource } from '../core/index';

export function App() {
  const [state, setState] = useState<{ resources: readonly Resource[]; diagnostics: Diagnostic[] } | null>(null);
  useEffect(() => {
    void fetch('./examples/shop.yaml')
      .then((r) => r.text())
      .then((text) => {
        const parsed = parse([{ name: 'design.yaml', text }]);
        setState({ resources: parsed.resources, diagnostics: validate(parsed) });
      });
  }, []);
  return (
    <main>
      <h1>Route Designer</h1>
      <ul>{state?.resources.map((r) => <li key={r.id} data-testid="resource">{r.kind} {r.namespace}/{r.name}</li>)}</ul>
    </main>
  );
}
