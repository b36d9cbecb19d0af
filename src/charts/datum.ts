// Data marks the browser script can explain. Specs put a datum on each bar or point through
// Plot's per-element aria-label channel (the one channel Plot writes as an attribute), and
// render.ts turns it into data attributes (and a class): an aria-label on a shape without a role is an
// axe error, and inside role="img" it would not be read anyway.

export interface Datum {
  /** What the mark is: "Copper ore, 2023". */
  label: string;
  value: number;
  /** The value as a reader reads it: "181.53 million yuan". */
  text: string;
  /** A class for this element alone, e.g. a highlight colour within one mark. */
  className?: string;
}

const PREFIX = 'datum:';

/** The ariaLabel channel for a mark whose elements should carry their datum. */
export function datumChannel<T>(describe: (row: T) => Datum): (row: T) => string {
  return (row) => PREFIX + JSON.stringify(describe(row));
}

/** The datum encoded in an aria-label, or undefined for Plot's own labels. */
export function readDatum(ariaLabel: string): Datum | undefined {
  return ariaLabel.startsWith(PREFIX) ? (JSON.parse(ariaLabel.slice(PREFIX.length)) as Datum) : undefined;
}
