import React, {type ReactNode} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import styles from './styles.module.css';

/** One column of a table: its header and how a row fills its cell. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** The cell names its row: a `<th scope="row">`, not a `<td>`. */
  rowHeader?: boolean;
  /** Keep the cell on one line: `always`, or `wide` (it may wrap at phone width). */
  nowrap?: 'always' | 'wide';
  /** A class of the component's own, fixed or by row. */
  className?: string | ((row: Row) => string | undefined);
}

/** What a component says of its table: everything but the caption and the rows. */
export interface Table<Row> {
  /** `data-testid` of the <table>, by which the tests (and the search index, for node-map) find it. */
  testId: string;
  columns: readonly Column<Row>[];
  /** The row's id, so links can point at it; registered with the build's broken-anchor check. */
  rowAnchor?: (row: Row) => string;
  /** React's key of a row; its anchor by default. */
  rowKey?: (row: Row) => string;
  /** Smaller text, for tables with many columns. */
  compact?: boolean;
}

export interface Props<Row> extends Table<Row> {
  /** Visible caption of the table. */
  caption: ReactNode;
  rows: readonly Row[];
}

/** Registers anchors this component renders, so the build's broken-anchor check knows them. */
export function useAnchors(anchors: readonly string[]): void {
  const brokenLinks = useBrokenLinks();
  anchors.forEach((anchor) => brokenLinks.collectAnchor(anchor));
}

function cellClass<Row>(column: Column<Row>, row: Row): string | undefined {
  const own = typeof column.className === 'function' ? column.className(row) : column.className;
  const nowrap = column.nowrap === 'always' ? styles.nowrap : column.nowrap === 'wide' ? styles.nowrapWide : undefined;
  return [nowrap, own].filter(Boolean).join(' ') || undefined;
}

/**
 * The book's one data table: a caption, column headers, one row per item (each
 * with its anchor, if it has one), inside a box that scrolls sideways when the
 * table is wider than a phone. The components that render data (QuickFacts,
 * NodeMap, EnvTable, FirewallTable, CostTable, FactInventory) say only their
 * columns and rows.
 */
export default function DataTable<Row>({
  caption,
  testId,
  columns,
  rows,
  rowAnchor,
  rowKey = rowAnchor,
  compact = false,
}: Props<Row>): React.JSX.Element {
  useAnchors(rowAnchor ? rows.map(rowAnchor) : []);
  if (!rowKey) throw new Error(`DataTable "${testId}": give its rows an anchor or a key`);
  return (
    // A table wider than a phone scrolls here; tabIndex lets keyboard users scroll it too.
    <div className={styles.wrap} tabIndex={0}>
      <table className={compact ? `${styles.table} ${styles.compact}` : styles.table} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} id={rowAnchor?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className={cellClass(c, row)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={cellClass(c, row)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
