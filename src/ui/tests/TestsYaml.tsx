import { useRef } from 'react';
import { selectRouteTests, useDesign, useDesignStore } from '../../store/index';

/** Offset of line:column (1-based) in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + column - 1);
}

/**
 * The tests as RouteTests YAML (README.md "Route tests"): typing runs them again after a pause;
 * their problems are listed by line:column and a click puts the cursor there.
 */
export function TestsYaml() {
  const store = useDesignStore();
  const tests = useDesign(selectRouteTests);
  const area = useRef<HTMLTextAreaElement>(null);
  const current = tests.run !== null && tests.runText === tests.text;
  const diagnostics = current ? (tests.run?.diagnostics ?? []) : [];
  const handleGo = (line: number, column: number): void => {
    const el = area.current;
    if (!el) return;
    const at = offsetOf(el.value, line, column);
    el.focus();
    el.setSelectionRange(at, at);
    // Scroll the line into view: ~18 px per line in the monospace text.
    el.scrollTop = Math.max(0, (line - 4) * 18);
  };
  return (
    <div className="rd-tests-yaml">
      <textarea
        ref={area}
        className="rd-tests-text"
        value={tests.text}
        onChange={(e) => store.getState().setRouteTestsText(e.target.value)}
        spellCheck={false}
        wrap="off"
        aria-label="The design's route tests, as RouteTests YAML"
        placeholder={'tests:\n  - name: the cart goes to v1\n    request: GET https://www.shop.example.com/cart\n    expect:\n      status: 200\n      backend: shop/cart-v1'}
        data-testid="tests-yaml"
      />
      {diagnostics.length > 0 && (
        <ul className="rd-tests-diagnostics" data-testid="tests-diagnostics" aria-label="Problems in the tests">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <button type="button" className="rd-link-button" onClick={() => handleGo(d.line, d.column)}>
                {d.line}:{d.column}
              </button>{' '}
              <span className="rd-sev-error">{d.message}</span> <span className="rd-muted">({d.code})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
