/**
 * How tabs of the app tell each other that they saved. Every tab of one origin edits the same
 * saved design, so two tabs could overwrite each other's work. The protocol:
 *
 * 1. Each tab has a random id. Every save carries `rev` (one more than the save it replaces) and
 *    the id of the tab that wrote it.
 * 2. A tab writes only by compare-and-set, inside one IndexedDB transaction: the stored save must
 *    be missing, written by this tab, or the very save this tab's design started from (the one it
 *    loaded or adopted — its *base*). Otherwise it writes nothing: that is a conflict.
 * 3. After a save, the tab announces `{ tab, rev }` on the BroadcastChannel `route-designer:autosave`
 *    (where there is none: by writing a ping key in localStorage, which fires `storage` events in
 *    the other tabs).
 * 4. A tab that hears of another tab's save reads the stored save. The same text and file name as
 *    its own: it takes that save as its base, quietly. Different: a conflict.
 * 5. In a conflict the tab stops saving and says so, until the user chooses: *Load theirs* (their
 *    save becomes the design and the base) or *Keep mine* (their save becomes the base, and this
 *    tab saves at once, overwriting it — the other tab hears that and asks its own user). A tab
 *    closed while in a conflict keeps its text aside (offered back at the next start).
 */
export interface SaveMessage {
  readonly tab: string;
  readonly rev: number;
}

export interface TabChannel {
  post(message: SaveMessage): void;
  subscribe(listener: (message: SaveMessage) => void): () => void;
  close(): void;
}

const CHANNEL = 'route-designer:autosave';
/** The localStorage key written to announce a save where there is no BroadcastChannel. */
export const PING_KEY = 'route-designer:autosave:ping';

const isMessage = (v: unknown): v is SaveMessage => typeof v === 'object' && v !== null && typeof (v as SaveMessage).tab === 'string' && typeof (v as SaveMessage).rev === 'number';

/** The browser's channel: BroadcastChannel, or localStorage `storage` events where there is none. */
export function browserTabChannel(): TabChannel {
  const listeners = new Set<(m: SaveMessage) => void>();
  const deliver = (data: unknown): void => {
    if (isMessage(data)) for (const l of listeners) l({ tab: data.tab, rev: data.rev });
  };
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<unknown>) => deliver(e.data);
    return {
      post: (m) => channel.postMessage(m),
      subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
      close: () => channel.close(),
    };
  }
  const onStorage = (e: StorageEvent): void => {
    if (e.key !== PING_KEY || e.newValue === null) return;
    try {
      deliver(JSON.parse(e.newValue));
    } catch {
      // Not a ping this app wrote.
    }
  };
  addEventListener('storage', onStorage);
  return {
    post: (m) => {
      try {
        localStorage.setItem(PING_KEY, JSON.stringify({ ...m, at: Date.now() }));
      } catch {
        // Storage full: the other tabs still find the conflict when they save (compare-and-set).
      }
    },
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    close: () => removeEventListener('storage', onStorage),
  };
}

/** Channels between tabs in one process (tests): a message reaches every other channel of the hub, asynchronously. */
export function memoryTabHub(): { channel(): TabChannel } {
  const all = new Set<(m: SaveMessage) => void>();
  return {
    channel() {
      const listeners = new Set<(m: SaveMessage) => void>();
      const receive = (m: SaveMessage): void => listeners.forEach((l) => l(m));
      all.add(receive);
      return {
        post: (m) => all.forEach((r) => r !== receive && void Promise.resolve().then(() => r(m))),
        subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
        close: () => void all.delete(receive),
      };
    },
  };
}
