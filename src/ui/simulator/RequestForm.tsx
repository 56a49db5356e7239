import { selectSimulatorInput, useDesign, useDesignStore, type KeyValue } from '../../store/index';
import { BackendAnswersField } from './BackendAnswersField';
import { selectGatewayOptions } from './gateway-options';
import { KeyValueRows } from './KeyValueRows';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'GRPC', 'TLS', 'TCP', 'UDP'];

/** The request the user writes: each change asks the simulator again (debounced in the store). */
export function RequestForm() {
  const store = useDesignStore();
  const input = useDesign(selectSimulatorInput);
  const gateways = useDesign(selectGatewayOptions);
  const act = store.getState();
  const handleHeaders = (headers: readonly KeyValue[]): void => act.setSimulatorInput({ headers });
  const handleLabels = (labels: readonly KeyValue[]): void => act.setSimulatorInput({ labels });
  return (
    <form
      className="rd-sim-form"
      aria-label="Request"
      onSubmit={(e) => {
        e.preventDefault();
        act.startSimulator();
      }}
    >
      <div className="rd-sim-mode" role="radiogroup" aria-label="Where the request is sent">
        {(['gateway', 'mesh'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={input.mode === mode}
            className="rd-sim-mode-option"
            data-testid={`sim-mode-${mode}`}
            onClick={() => act.setSimulatorInput({ mode })}
          >
            {mode === 'gateway' ? 'To a gateway' : 'In the mesh'}
          </button>
        ))}
      </div>
      <div className="rd-sim-line">
        <input
          className="rd-input rd-sim-url"
          value={input.url}
          placeholder="https://www.shop.example.com/cart"
          aria-label="URL"
          data-testid="sim-url"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => act.setSimulatorInput({ url: e.target.value })}
        />
        <select className="rd-input rd-sim-method" value={input.method} aria-label="Method" data-testid="sim-method" onChange={(e) => act.setSimulatorInput({ method: e.target.value })}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <button type="submit" className="rd-button rd-sim-send" data-testid="sim-send" title="Simulate now (Enter)">
          Send
        </button>
      </div>
      <div className="rd-sim-field">
        <span className="rd-sim-field-label">Headers</span>
        <KeyValueRows rows={input.headers} onChange={handleHeaders} what="header" namePlaceholder="x-canary" valuePlaceholder="1" />
      </div>
      {input.mode === 'gateway' ? (
        <div className="rd-sim-grid">
          <label className="rd-sim-field">
            <span className="rd-sim-field-label">Gateway</span>
            <select className="rd-input" value={input.gateway} data-testid="sim-gateway" onChange={(e) => act.setSimulatorInput({ gateway: e.target.value })}>
              <option value="">Automatic</option>
              {gateways.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          </label>
          <label className="rd-sim-field">
            <span className="rd-sim-field-label">SNI</span>
            <input className="rd-input" value={input.sni} placeholder="URL's host" data-testid="sim-sni" spellCheck={false} onChange={(e) => act.setSimulatorInput({ sni: e.target.value })} />
          </label>
        </div>
      ) : (
        <>
          <label className="rd-sim-field">
            <span className="rd-sim-field-label">From workload (namespace/name)</span>
            <input className="rd-input" value={input.from} placeholder="shop/frontend" data-testid="sim-from" spellCheck={false} onChange={(e) => act.setSimulatorInput({ from: e.target.value })} />
          </label>
          <div className="rd-sim-field">
            <span className="rd-sim-field-label">Workload labels</span>
            <KeyValueRows rows={input.labels} onChange={handleLabels} what="label" namePlaceholder="app" valuePlaceholder="frontend" />
          </div>
          <label className="rd-sim-field">
            <span className="rd-sim-field-label">SNI (TLS)</span>
            <input className="rd-input" value={input.sni} placeholder="URL's host" data-testid="sim-mesh-sni" spellCheck={false} onChange={(e) => act.setSimulatorInput({ sni: e.target.value })} />
          </label>
          <p className="rd-sim-hint">The URL&apos;s host names the Service the request is sent to (its ClusterIP), e.g. http://cart-v1.shop:8080/cart; a Host header is what routes match.</p>
        </>
      )}
      <BackendAnswersField />
    </form>
  );
}
