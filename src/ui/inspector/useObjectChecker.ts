import { useEffect, useSyncExternalStore } from 'react';
import { isObjectCheckerReady, preloadObjectChecker, subscribeObjectChecker } from '../../store/index';

/**
 * Whether a form's values can be checked now. A form that mounts starts loading the validators
 * (a lazy chunk) if the idle-time preload has not yet; until they are there, it says "checking…".
 */
export function useObjectChecker(): boolean {
  const ready = useSyncExternalStore(subscribeObjectChecker, isObjectCheckerReady);
  useEffect(() => {
    if (!ready) void preloadObjectChecker();
  }, [ready]);
  return ready;
}
