// FunctionFile of the manifest: nothing to do but tell Office the page is ready.
/* global Office */
if (globalThis.Office) Office.onReady(() => {});
