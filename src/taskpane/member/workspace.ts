/**
 * What the member's views work on: a workbook (the port), a selection, and how to hand the result to the
 * secretariat. In Excel it is built from the Excel host (by the composition root, never here: no office-js in the
 * pane); in the standalone page from the xlsx host and the page's own HTML grid.
 */
import type { SelectionSource, WorkbookHost } from "../../hosts/workbook";

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** What saving did, for the pane to say. */
export type SaveOutcome =
  /** Excel: the workbook itself was saved (or the member is told how to save it). */
  | { kind: "saved" }
  | { kind: "saveYourself" }
  /** Standalone: a file was offered for download. */
  | { kind: "downloaded"; fileName: string };

export interface Workspace {
  kind: "excel" | "standalone";
  host: WorkbookHost;
  selection: SelectionSource;
  /** Selects a cell (and shows its sheet) where the member's eyes are: Excel's grid or the page's grid. */
  select(cell: CellRef): Promise<void>;
  /**
   * Calls `listener` after cells change by any means (the member typing in the grid, the pane writing a score).
   * Optional: a host that cannot tell is re-read after the pane's own writes only.
   */
  onChanged?(listener: (sheet: string) => void): Promise<() => void>;
  /**
   * Hands the member's work to the secretariat: in Excel the workbook itself; in the standalone page a download
   * of the member workbook (`memberCode` tells which member, for a council workbook opened from disk).
   */
  save(memberCode: string): Promise<SaveOutcome>;
  /** The file the standalone page works on (a copy in memory); undefined in Excel. */
  fileName?: string;
}

/** A tiny event emitter for selection and change listeners. */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();
  on(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  emit(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  get size(): number {
    return this.listeners.size;
  }
}

/**
 * A selection kept in memory: the standalone page's grid writes it, the assistant reads it. It is the page's
 * SelectionSource, and the fake one in component tests.
 */
export class MemorySelection implements SelectionSource {
  private current: CellRef | null = null;
  private readonly changes = new Emitter<CellRef>();

  constructor(initial: CellRef | null = null) {
    this.current = initial;
  }

  async getSelection(): Promise<CellRef | null> {
    return this.current;
  }

  /** Synchronous read for the grid's rendering. */
  peek(): CellRef | null {
    return this.current;
  }

  set(cell: CellRef): void {
    const c = this.current;
    if (c && c.sheet === cell.sheet && c.row === cell.row && c.col === cell.col) return;
    this.current = { ...cell };
    this.changes.emit(this.current);
  }

  /** Subscribes synchronously (for React effects); `onSelectionChanged` is the port's async form. */
  subscribe(listener: (cell: CellRef) => void): () => void {
    return this.changes.on(listener);
  }

  async onSelectionChanged(listener: (sel: CellRef) => void): Promise<() => void> {
    return this.changes.on(listener);
  }
}
