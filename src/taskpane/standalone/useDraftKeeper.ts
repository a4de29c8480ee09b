/**
 * Keeps the standalone page's open workbook in the browser (see draftStore) as the user works, and knows whether
 * there are changes not yet downloaded: the page then asks before closing the file and warns before the tab goes.
 */
import { useEffect, useState } from "react";
import { saveDraft, type DraftKind } from "./draftStore";

export interface DraftSource {
  fileName: string;
  /** Whether the workbook already held changes not downloaded when it was opened (a restored draft). */
  unsavedAtStart: boolean;
  snapshot(): Promise<Uint8Array>;
  onChange(listener: () => void): () => void;
  onSaved(listener: () => void): () => void;
}

/** Short, so that a crash loses at most the last fraction of a second; each copy replaces the last. */
const DELAY_MS = 150;

export function useDraftKeeper(
  kind: DraftKind,
  source: DraftSource | null
): { unsaved: boolean; keptAt: Date | null } {
  const [state, setState] = useState<{ source: DraftSource | null; unsaved: boolean; keptAt: Date | null }>({
    source: null,
    unsaved: false,
    keptAt: null,
  });

  useEffect(() => {
    if (!source) return;
    let live = true;
    let unsaved = source.unsavedAtStart;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let writing = Promise.resolve();
    const keep = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        writing = writing.then(async () => {
          try {
            const savedAt = Date.now();
            await saveDraft({
              kind,
              fileName: source.fileName,
              bytes: await source.snapshot(),
              savedAt,
              unsaved,
            });
            if (live) setState((s) => (s.source === source ? { ...s, keptAt: new Date(savedAt) } : s));
          } catch {
            // Not kept this time; the next change tries again.
          }
        });
      }, DELAY_MS);
    };
    const set = (next: boolean) => {
      unsaved = next;
      if (live) setState((s) => (s.source === source ? { ...s, unsaved: next } : s));
    };
    const offChange = source.onChange(() => {
      set(true);
      keep();
    });
    const offSaved = source.onSaved(() => {
      set(false);
      keep();
    });
    void Promise.resolve().then(() => {
      if (!live) return;
      setState({ source, unsaved, keptAt: null });
      keep(); // the workbook as opened
    });
    return () => {
      live = false;
      clearTimeout(timer);
      offChange();
      offSaved();
    };
  }, [kind, source]);

  const unsaved = state.source === source && state.unsaved;
  // Leaving the page with changes not downloaded: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { unsaved, keptAt: state.source === source ? state.keptAt : null };
}
