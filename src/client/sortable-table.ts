// Sortable tables: each column header of a table[data-sortable] becomes a button that sorts
// the body rows by that column, ascending and then descending, and says so with aria-sort
// on the header and an arrow. Cells with a data-value attribute sort by that number (the raw
// figure behind "1,236,480" or "12.5%"), other cells as text in the order of the page's
// language. Without this script the table stays as the page wrote it.

type Order = 'ascending' | 'descending';

/** The last header row's cells: the ones that name the columns. */
function columnHeaders(table: HTMLTableElement): HTMLTableCellElement[] {
  const rows = table.tHead?.rows;
  return rows && rows.length > 0 ? [...rows[rows.length - 1]!.cells] : [];
}

/** Merged cells would move with the wrong rows: such tables are left as they are. */
function isGrid(table: HTMLTableElement, columns: number): boolean {
  if (columnHeaders(table).some((cell) => cell.colSpan > 1)) return false;
  return [...table.tBodies].every((body) =>
    [...body.rows].every((row) => row.cells.length === columns && [...row.cells].every((cell) => cell.colSpan === 1 && cell.rowSpan === 1)),
  );
}

/**
 * Sorts every body of the table by one column. A column with any data-value sorts by
 * number, with cells that have none (no figure) last in either order; ties keep their order.
 */
function sortRows(table: HTMLTableElement, column: number, order: Order, collator: Intl.Collator): void {
  const sign = order === 'ascending' ? 1 : -1;
  for (const body of table.tBodies) {
    const rows = [...body.rows];
    const cells = rows.map((row) => row.cells[column]!);
    const numeric = cells.some((cell) => cell.hasAttribute('data-value'));
    const keys = cells.map((cell) => (numeric ? Number(cell.getAttribute('data-value') ?? Number.NaN) : (cell.textContent ?? '').trim()));
    const sorted = rows
      .map((_, k) => k)
      .sort((a, b) => {
        const [x, y] = [keys[a]!, keys[b]!];
        if (typeof x === 'string' || typeof y === 'string') return sign * collator.compare(String(x), String(y));
        if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
        return sign * (x - y);
      });
    body.append(...sorted.map((k) => rows[k]!));
  }
}

function enhance(table: HTMLTableElement): void {
  const headers = columnHeaders(table);
  if (headers.length === 0 || !isGrid(table, headers.length)) return;
  table.dataset.sortableReady = 'true';
  const lang = table.closest('[lang]')?.getAttribute('lang') || undefined;
  const collator = new Intl.Collator(lang, { numeric: true });
  headers.forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart__sort';
    const arrow = document.createElement('span');
    arrow.className = 'chart__sort-arrow';
    arrow.setAttribute('aria-hidden', 'true');
    button.append(...header.childNodes);
    // Right-aligned (numeric) headers keep their words flush with the figures below.
    if (header.classList.contains('chart__num')) button.prepend(arrow);
    else button.append(arrow);
    header.append(button);
    button.addEventListener('click', () => {
      const order: Order = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      sortRows(table, column, order, collator);
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', order);
    });
  });
}

/** Enhances every sortable table under `root` not enhanced yet; safe to call again. */
export function initSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]:not([data-sortable-ready])')) enhance(table);
}
