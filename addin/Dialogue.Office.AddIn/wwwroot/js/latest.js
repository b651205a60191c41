// Keeps only the newest of overlapping requests of one kind (e.g. the delegates of the selected conference):
// starting a request aborts the one before it, and a reply that arrives after a newer request started is dropped.

/**
 * Returns `run(work)`: calls `work(signal)` and resolves to `{ current: true, value }`, or to `{ current: false }`
 * when a newer `run` started meanwhile (its signal is aborted then; a late value or the abort error is dropped).
 * Errors of the current request are thrown.
 */
export function latestOnly() {
  let generation = 0;
  let controller = null;
  return async function run(work) {
    const mine = ++generation;
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    try {
      const value = await work(signal);
      return mine === generation ? { current: true, value } : { current: false };
    } catch (error) {
      if (mine !== generation) return { current: false };
      throw error;
    }
  };
}
