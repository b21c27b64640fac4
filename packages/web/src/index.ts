/** @openpivot/web — the browser app; built by Vite into dist/web (see vite.config.ts). Nothing here runs in Node. */
export {};
