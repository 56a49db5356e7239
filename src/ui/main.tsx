import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserTabChannel, createAutosave, createDesignStore, createWorkerAnalyzer, DesignStoreContext, editingOf, idbKeyValueStore, preloadObjectChecker } from '../store/index';
import { App } from './App';
import { AutosaveContext } from './autosave/useAutosave';
import { createCanvasLayouter } from './canvas/canvas-layouter';
import { configureExportWorker } from '../store/io-export-client';
import { readLimits } from '../store/watchdog-limits';
import './styles.css';

const EXAMPLE = { url: './examples/shop.yaml', fileName: 'shop.yaml' };

const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
// The workers that evaluate user input are watched: past their bounds they are stopped and
// restarted (a test may shorten the bounds through localStorage: see watchdog-limits.ts).
const limits = readLimits(typeof localStorage === 'undefined' ? null : localStorage);
configureExportWorker({ limit: limits.convert });
const store = createDesignStore({
  analyzer: createWorkerAnalyzer({ limits }),
  layouter: createCanvasLayouter(),
  fileName: EXAMPLE.fileName,
  theme: prefersDark ? 'dark' : 'light',
});

// Editing: undo/redo history and autosave (IndexedDB; older saves in localStorage are read). The
// saved design (text and layout) is restored; only when nothing readable was saved does the
// embedded example open (served from public/, same origin).
const editing = editingOf(store);
const autosave =
  typeof indexedDB === 'undefined' ? null : createAutosave(store, { store: idbKeyValueStore(), local: typeof localStorage === 'undefined' ? null : localStorage, channel: browserTabChannel() });
const loadExample = (): void =>
  void fetch(EXAMPLE.url)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))))
    .then((text) => store.getState().loadText(text, EXAMPLE.fileName))
    .catch((e: unknown) => store.getState().loadText(`# The embedded example could not be loaded: ${String(e)}\n`, EXAMPLE.fileName))
    .finally(() => editing.history.clear());
if (autosave) {
  void autosave.restore().then((restored) => (restored ? editing.history.clear() : loadExample()));
  // The last keystroke is saved when the page goes away (or is hidden: a phone may never say pagehide).
  addEventListener('pagehide', () => autosave.flush());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && autosave.flush());
} else {
  loadExample();
}

// The form validators are a lazy chunk: fetch it when the browser is first idle after the first
// paint, before anyone edits a field (opening the inspector fetches it at once, if sooner).
const whenIdle = (f: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 1500 });
  else setTimeout(f, 200);
};
requestAnimationFrame(() => whenIdle(() => void preloadObjectChecker()));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DesignStoreContext.Provider value={store}>
        <AutosaveContext.Provider value={autosave}>
          <App />
        </AutosaveContext.Provider>
      </DesignStoreContext.Provider>
    </StrictMode>,
  );
}
