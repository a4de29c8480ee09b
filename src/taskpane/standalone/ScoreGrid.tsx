import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { cellAt, type MemberSheet } from "../../app/member/sheet";
import type { SheetGrid } from "../../hosts/workbook";
import { cellAddress } from "../../layout/a1";
import type { CellValue } from "../../layout/plan";
import { formatNumber, parseNumber } from "../format";
import { langOf, NS } from "../member/strings";
import type { CellRef, MemorySelection } from "../member/workspace";
import { evaluate } from "./formulas";

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    cursor: "default",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  score: {
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: "right",
    minWidth: "4.5rem",
    fontWeight: tokens.fontWeightSemibold,
  },
  empty: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  invalid: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
  total: { fontWeight: tokens.fontWeightSemibold, textAlign: "right" },
  active: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: "-2px",
  },
  text: { minWidth: "14rem", maxWidth: "28rem" },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  input: {
    width: "100%",
    minWidth: "3.5rem",
    boxSizing: "border-box",
    font: "inherit",
    textAlign: "right",
    border: "none",
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`,
  },
});

interface Span {
  rowSpan: number;
  colSpan: number;
}

interface Layout {
  rows: number[];
  cols: number[];
  /** Merge origin of a covered position ("r:c" → origin), for navigation. */
  covered: Map<string, CellRef>;
  spans: Map<string, Span>;
}

const key = (row: number, col: number): string => `${row}:${col}`;

const layoutOf = (grid: SheetGrid): Layout => {
  const hiddenRows = new Set(grid.hiddenRows);
  const hiddenCols = new Set(grid.hiddenCols);
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const rows = grid.values.map((_, i) => i).filter((r) => !hiddenRows.has(r));
  const cols = Array.from({ length: width }, (_, i) => i).filter((c) => !hiddenCols.has(c));
  const covered = new Map<string, CellRef>();
  const spans = new Map<string, Span>();
  for (const m of grid.merges) {
    const visibleRows = rows.filter((r) => r >= m.row && r < m.row + m.rowCount);
    const visibleCols = cols.filter((c) => c >= m.col && c < m.col + m.colCount);
    if (!visibleRows.length || !visibleCols.length) continue;
    const origin = { sheet: grid.name, row: visibleRows[0]!, col: visibleCols[0]! };
    spans.set(key(origin.row, origin.col), { rowSpan: visibleRows.length, colSpan: visibleCols.length });
    for (const r of visibleRows)
      for (const c of visibleCols) if (r !== origin.row || c !== origin.col) covered.set(key(r, c), origin);
  }
  return { rows, cols, covered, spans };
};

export interface ScoreGridProps {
  grid: SheetGrid;
  sheet: MemberSheet;
  selection: MemorySelection;
  busy: boolean;
  /** Writes what the member typed: a number, text (which the check will flag), or null to clear. */
  onWrite(cell: CellRef, value: CellValue): Promise<void>;
}

/**
 * The member's score sheet as an accessible HTML grid (role="grid"), for the page where there is no Excel. One
 * tab stop; arrow keys, Home/End and PageUp/PageDown move; typing a number edits a score cell and Enter writes
 * it; Delete clears; F2 edits. The grid's selection is the page's SelectionSource, so the assistant follows it.
 */
export function ScoreGrid({ grid, sheet, selection, busy, onWrite }: ScoreGridProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const hintId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const layout = useMemo(() => layoutOf(grid), [grid]);
  const [selected, setSelected] = useState<CellRef | null>(selection.peek());
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | null>(null);
  /** Set when the grid itself moved, so the new cell takes the focus (moves from the pane do not steal it). */
  const focusNext = useRef(false);

  useEffect(() => selection.subscribe((c) => setSelected(c)), [selection]);

  const active: CellRef = useMemo(() => {
    if (
      selected &&
      selected.sheet === grid.name &&
      layout.rows.includes(selected.row) &&
      layout.cols.includes(selected.col)
    ) {
      return layout.covered.get(key(selected.row, selected.col)) ?? selected;
    }
    const first = sheet.cells[0];
    return first
      ? { sheet: grid.name, row: first.row, col: first.col }
      : { sheet: grid.name, row: layout.rows[0] ?? 0, col: layout.cols[0] ?? 0 };
  }, [selected, grid.name, layout, sheet]);

  useEffect(() => {
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-pos="${key(active.row, active.col)}"]`);
    if (!el) return;
    if (focusNext.current) {
      focusNext.current = false;
      el.focus();
    }
    el.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active.row, active.col]);

  const moveTo = (row: number, col: number) => {
    const origin = layout.covered.get(key(row, col)) ?? { sheet: grid.name, row, col };
    focusNext.current = true;
    selection.set({ sheet: grid.name, row: origin.row, col: origin.col });
    setSelected({ sheet: grid.name, row: origin.row, col: origin.col });
  };

  const step = (dRow: number, dCol: number) => {
    const span = layout.spans.get(key(active.row, active.col)) ?? { rowSpan: 1, colSpan: 1 };
    const ri = layout.rows.indexOf(active.row);
    const ci = layout.cols.indexOf(active.col);
    const nextRi = dRow > 0 ? ri + span.rowSpan - 1 + dRow : ri + dRow;
    const nextCi = dCol > 0 ? ci + span.colSpan - 1 + dCol : ci + dCol;
    const row = layout.rows[Math.max(0, Math.min(layout.rows.length - 1, nextRi))]!;
    const col = layout.cols[Math.max(0, Math.min(layout.cols.length - 1, nextCi))]!;
    moveTo(row, col);
  };

  /** The cell being edited, as a ref too: blur and key handlers must see an edit ended by the other. */
  const editingRef = useRef<{ row: number; col: number } | null>(null);
  useEffect(() => {
    editingRef.current = editing ? { row: editing.row, col: editing.col } : null;
  }, [editing]);

  const commit = async (text: string, thenDown: boolean) => {
    const edit = editingRef.current;
    if (!edit) return;
    editingRef.current = null;
    const at = { sheet: grid.name, row: edit.row, col: edit.col };
    setEditing(null);
    const trimmed = text.trim();
    const n = parseNumber(trimmed);
    await onWrite(at, trimmed === "" ? null : n !== null ? n : trimmed);
    if (thenDown) step(1, 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing) return; // the input handles its own keys
    const scoreCell = cellAt(sheet, active);
    const ctrl = e.ctrlKey || e.metaKey;
    const handled = (() => {
      switch (e.key) {
        case "ArrowDown":
          step(1, 0);
          return true;
        case "ArrowUp":
          step(-1, 0);
          return true;
        case "ArrowRight":
          step(0, 1);
          return true;
        case "ArrowLeft":
          step(0, -1);
          return true;
        case "Enter":
          step(e.shiftKey ? -1 : 1, 0);
          return true;
        case "PageDown":
          step(10, 0);
          return true;
        case "PageUp":
          step(-10, 0);
          return true;
        case "Home":
          if (ctrl) moveTo(layout.rows[0]!, layout.cols[0]!);
          else moveTo(active.row, layout.cols[0]!);
          return true;
        case "End":
          if (ctrl) moveTo(layout.rows[layout.rows.length - 1]!, layout.cols[layout.cols.length - 1]!);
          else moveTo(active.row, layout.cols[layout.cols.length - 1]!);
          return true;
        case "F2":
          if (!scoreCell || busy) return false;
          setEditing({ row: active.row, col: active.col, text: display(scoreCell.value, scoreCell.formula) });
          return true;
        case "Delete":
        case "Backspace":
          if (!scoreCell || busy) return false;
          void onWrite(active, null);
          return true;
        default:
          if (
            scoreCell &&
            !busy &&
            !ctrl &&
            !e.altKey &&
            e.key.length === 1 &&
            /[0-9.,\-+a-zA-Z]/.test(e.key)
          ) {
            setEditing({ row: active.row, col: active.col, text: e.key });
            return true;
          }
          return false;
      }
    })();
    if (handled) e.preventDefault();
  };

  const display = (value: CellValue, formula: string | null): string => {
    if (formula && (value === null || value === "")) {
      const computed = evaluate(grid, formula);
      return computed === null ? "" : formatNumber(computed, { locale: lang, maxDecimals: 2 });
    }
    if (typeof value === "number") return formatNumber(value, { locale: lang, maxDecimals: 2 });
    if (value === null) return "";
    return String(value);
  };

  return (
    <>
      <Caption1 as="p" id={hintId} className={styles.hint}>
        {t("standalone.gridHint")}
      </Caption1>
      <div className={styles.scroller}>
        <table
          ref={tableRef}
          role="grid"
          aria-label={t("standalone.gridLabel", { sheet: grid.name })}
          aria-describedby={hintId}
          aria-rowcount={grid.values.length}
          aria-colcount={Math.max(0, ...grid.values.map((r) => r.length))}
          className={styles.table}
          onKeyDown={onKeyDown}
          data-testid="score-grid"
        >
          <tbody>
            {layout.rows.map((row) => (
              <tr role="row" key={row} aria-rowindex={row + 1}>
                {layout.cols.map((col) => {
                  if (layout.covered.has(key(row, col))) return null;
                  const span = layout.spans.get(key(row, col));
                  const value = grid.values[row]?.[col] ?? null;
                  const formula = grid.formulas[row]?.[col] ?? null;
                  const score = cellAt(sheet, { sheet: grid.name, row, col });
                  const isActive = active.row === row && active.col === col;
                  const isEditing = editing && editing.row === row && editing.col === col;
                  const shown = display(value, formula);
                  const address = cellAddress(row, col);
                  const className = mergeClasses(
                    styles.cell,
                    typeof value === "number" || formula ? styles.number : undefined,
                    formula ? styles.total : undefined,
                    col === 2 ? styles.text : undefined,
                    score ? styles.score : undefined,
                    score?.state === "empty" ? styles.empty : undefined,
                    score?.state === "invalid" ? styles.invalid : undefined,
                    isActive ? styles.active : undefined
                  );
                  return (
                    <td
                      key={col}
                      role="gridcell"
                      aria-colindex={col + 1}
                      colSpan={span?.colSpan}
                      rowSpan={span?.rowSpan}
                      tabIndex={isActive ? 0 : -1}
                      aria-selected={isActive}
                      aria-readonly={score ? undefined : true}
                      aria-invalid={score?.state === "invalid" ? true : undefined}
                      aria-label={
                        score
                          ? t("standalone.scoreCell", {
                              product: score.product.name,
                              number: score.flat.criterion.number,
                              value: shown || t("standalone.empty"),
                            })
                          : undefined
                      }
                      data-pos={key(row, col)}
                      data-cell={address}
                      className={className}
                      onClick={() => moveTo(row, col)}
                      onDoubleClick={() => score && !busy && setEditing({ row, col, text: shown })}
                    >
                      {isEditing ? (
                        <input
                          className={styles.input}
                          aria-label={t("standalone.editLabel", { cell: address })}
                          defaultValue={editing.text}
                          autoFocus
                          onFocus={(e) => {
                            const el = e.currentTarget;
                            el.setSelectionRange(el.value.length, el.value.length);
                          }}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") {
                              e.preventDefault();
                              e.stopPropagation();
                              const td = e.currentTarget.closest("td");
                              void commit(e.currentTarget.value, true).then(
                                () => td?.isConnected && focusNext.current && td.focus()
                              );
                            } else if (e.key === "Escape") {
                              e.preventDefault();
                              e.stopPropagation();
                              editingRef.current = null;
                              setEditing(null);
                              e.currentTarget.closest("td")?.focus();
                            }
                          }}
                          onBlur={(e) => void commit(e.currentTarget.value, false)}
                        />
                      ) : (
                        shown
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
