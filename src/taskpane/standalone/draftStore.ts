/**
 * The standalone page's safety net: the open workbook, as it is after every change, kept in the browser's
 * IndexedDB so that a reload, a crash or a closed tab loses nothing. One draft per page kind (the member's page,
 * the secretariat's page); the newest copy replaces the older one. Where IndexedDB is missing or refused (private
 * windows of some browsers, jsdom), every call quietly does nothing: the page still works, without the net.
 */

export type DraftKind = "member" | "secretariat";

export interface Draft {
  kind: DraftKind;
  fileName: string;
  bytes: Uint8Array;
  /** When this copy was taken (ms since the epoch). */
  savedAt: number;
  /** Whether it holds changes not yet downloaded. */
  unsaved: boolean;
}

const DB = "ocop-drafts";
const STORE = "drafts";

const openDb = (): Promise<IDBDatabase | null> =>
  new Promise((resolve) => {
    const idb = globalThis.indexedDB;
    if (!idb) return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(DB, 1);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "kind" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });

const run = async <T>(
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T | undefined> => {
  const db = await openDb();
  if (!db) return undefined;
  try {
    return await new Promise<T | undefined>((resolve) => {
      const tx = db.transaction(STORE, mode);
      const request = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => resolve(undefined);
      tx.onabort = () => resolve(undefined);
    });
  } catch {
    return undefined;
  } finally {
    db.close();
  }
};

export const loadDraft = async (kind: DraftKind): Promise<Draft | null> => {
  const found = await run<Draft | undefined>("readonly", (s) => s.get(kind) as IDBRequest<Draft | undefined>);
  return found && found.bytes && found.fileName ? found : null;
};

export const saveDraft = async (draft: Draft): Promise<void> => {
  await run("readwrite", (s) => s.put(draft));
};

export const dropDraft = async (kind: DraftKind): Promise<void> => {
  await run("readwrite", (s) => s.delete(kind));
};
