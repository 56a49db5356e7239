import { useEffect, useState } from 'react';
import type { ConvertedExport, ExportDialect } from '../../store/io-export';
import { convertInWorker } from '../../store/io-export-client';
import { isWorkerStopped } from '../../store/watched-worker';

export type Conversion =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly result: ConvertedExport }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Converts the text (in a Worker) whenever the dialect, the option or the design's target (the
 * `--target` text, '' = none) changes; stale answers are dropped. `to` null: nothing to convert.
 */
export function useConversion(text: string, fileName: string, to: ExportDialect | null, subsetsAsServices: boolean, target = ''): Conversion {
  const [conversion, setConversion] = useState<Conversion>({ state: 'idle' });
  const [request, setRequest] = useState<string | null>(null);
  const key = to === null ? null : `${to}:${String(subsetsAsServices)}:${target}`;
  if (key !== request) {
    setRequest(key);
    setConversion(to === null ? { state: 'idle' } : { state: 'running' });
  }
  useEffect(() => {
    if (to === null) return;
    let current = true;
    convertInWorker({ text, fileName, to, subsetsAsServices, target }).then(
      (result) => current && setConversion({ state: 'done', result }),
      // Stopped by the watchdog, the message says what took too long.
      (e: unknown) => current && setConversion({ state: 'failed', message: isWorkerStopped(e) ? e.message : `The conversion failed: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return () => {
      current = false;
    };
  }, [text, fileName, to, subsetsAsServices, target]);
  return conversion;
}
