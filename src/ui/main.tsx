import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDesignStore, createWorkerAnalyzer, DesignStoreContext } from '../store/index';
import { App } from './App';
import { createElkLayouter } from './canvas/elk-layouter';
import './styles.css';

const EXAMPLE = { url: './examples/shop.yaml', fileName: 'shop.yaml' };

const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
const store = createDesignStore({
  analyzer: createWorkerAnalyzer(),
  layouter: createElkLayouter(),
  fileName: EXAMPLE.fileName,
  theme: prefersDark ? 'dark' : 'light',
});

// Opens on the embedded example (served from public/, same origin).
void fetch(EXAMPLE.url)
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))))
  .then((text) => store.getState().loadText(text, EXAMPLE.fileName))
  .catch((e: unknown) => store.getState().loadText(`# The embedded example could not be loaded: ${String(e)}\n`, EXAMPLE.fileName));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DesignStoreContext.Provider value={store}>
        <App />
      </DesignStoreContext.Provider>
    </StrictMode>,
  );
}
