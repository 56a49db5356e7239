export { attachRoute, bindVirtualService, addBackendRef, setBackendWeight, addDestination, setDestinationWeight, firstServicePort } from './connect.js';
export { renameResource } from './rename.js';
export { removeResource } from './remove.js';
export { newObject, PALETTE } from './templates.js';
export { referencesOf, referencesTo, serviceOfHost } from './references.js';
export { setAt } from './immutable.js';
export type { RemoveResult } from './remove.js';
export type { PaletteKind } from './templates.js';
export type { Reference } from './references.js';
