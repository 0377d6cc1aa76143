import type { ComponentChildren } from 'preact';

/** A column heading; `wideOnly` hides the column on a phone, where the row keeps what matters. */
export type Column = string | { label: string; wideOnly: true };

/**
 * A table named `label` with its column headings, in a box that scrolls sideways on a narrow
 * screen. The box takes focus, so a keyboard can scroll it even when the rows hold no link or
 * button (axe: scrollable-region-focusable). `children` are the body's rows.
 */
export function DataTable({ label, columns, children }: { label: string; columns: Column[]; children: ComponentChildren }) {
  return (
    <div class="scroll" role="region" aria-label={label} tabIndex={0}>
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" class="wide-only">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
