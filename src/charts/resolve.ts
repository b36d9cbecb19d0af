// Checks a chart definition against the data step's aggregates: that the aggregate exists and
// has the fields, values and series the definition names. Mistakes are reported at the
// definition's own line, with the names that would work.
import type { Aggregate, AggregatesFile } from '../contract/index.ts';
import { didYouMean, listNames } from '../markdown/suggest.ts';
import { fieldValues, namesValue, TIME_FIELDS } from './data.ts';
import { ChartDefinitionError, type AxisValue, type ChartDefinition } from './definition.ts';
import { TABLE_FIELDS } from './table.ts';

/** A definition with the aggregate it draws. */
export interface DefinedChart {
  definition: ChartDefinition;
  aggregate: Aggregate;
}

const some = (names: readonly string[]) => `${listNames(names.slice(0, 12), { conjunction: 'and' })}${names.length > 12 ? '…' : ''}`;

export function resolveChart(definition: ChartDefinition, aggregates: Readonly<AggregatesFile>): DefinedChart {
  const fail = (key: string, message: string, line?: number): never => {
    throw new ChartDefinitionError(line ?? definition.lines.get(key) ?? 1, message);
  };
  const id = definition.aggregate;
  const aggregate = Object.hasOwn(aggregates, id) ? aggregates[id] : undefined;
  if (!aggregate) {
    const hint = didYouMean(id, Object.keys(aggregates)) || ` Aggregates: ${some(Object.keys(aggregates).sort())}.`;
    return fail('aggregate', `unknown aggregate "${id}": it is not in aggregates.json (declare it in data/aggregates.yaml and run \`npm run data\`).${hint}`);
  }
  const field = (key: 'x' | 'colour', name: string) => {
    if (aggregate.dimensions.includes(name)) return;
    const hint = didYouMean(name, aggregate.dimensions) || ` Its fields: ${listNames(aggregate.dimensions, { conjunction: 'and' })}.`;
    fail(key, `aggregate ${aggregate.id} has no field "${name}" for ${key}.${hint}`);
  };
  const { type, x, colour } = definition;
  field('x', x);
  if (colour !== undefined) field('colour', colour);
  const time = TIME_FIELDS.includes(x);
  if ((type === 'line' || type === 'area') && !time) {
    fail('x', `a ${type} chart runs over time: x must be ${listNames(TIME_FIELDS)}, not "${x}"; use a bar, column or dot chart for "${x}"`);
  }
  if (!aggregate.measures.includes(definition.y)) {
    fail(
      'y',
      `aggregate ${aggregate.id} has no measure "${definition.y}" for y.${didYouMean(definition.y, aggregate.measures)} Measures: ${listNames(aggregate.measures, { conjunction: 'and' })}.`,
    );
  }
  if (time && definition.top !== undefined) fail('top', `top keeps the first categories; it does not apply over time (x: ${x})`);
  if (time && definition.sort !== undefined) fail('sort', `a chart over time (x: ${x}) is always in time order; leave "sort:" out`);

  const valuesOf = (name: string) => fieldValues(aggregate, name, 'en');
  const known = (name: string, value: string) => valuesOf(name).some(({ key }) => namesValue(aggregate, name, key, value));
  const listed = (name: string) => some(valuesOf(name).map(({ key }) => key));

  const highlight = definition.highlight;
  if (highlight && 'values' in highlight) {
    const fields = colour ? [x, colour] : [x];
    for (const value of highlight.values) {
      if (!fields.some((name) => known(name, value))) {
        const names = fields.flatMap((name) => valuesOf(name).map(({ key }) => key));
        fail(
          'highlight',
          `highlight "${value}" is not a value of ${listNames(fields, { conjunction: 'or' })} in aggregate ${aggregate.id}.${didYouMean(value, names) || ` Values: ${some(names)}.`}`,
        );
      }
    }
  } else if (highlight) {
    const attributes = [...new Set(aggregate.rows.flatMap((row) => Object.keys(row)))].filter((name) => !aggregate.measures.includes(name));
    if (!attributes.includes(highlight.attribute)) {
      fail(
        'highlight',
        `aggregate ${aggregate.id} has no field "${highlight.attribute}" to highlight by.${didYouMean(highlight.attribute, attributes)} Fields: ${some(attributes)}.`,
      );
    }
    const values = [...new Set(aggregate.rows.map((row) => String(row[highlight.attribute] ?? '')).filter(Boolean))];
    if (!values.some((value) => value.toLowerCase() === highlight.value.toLowerCase()) && !known(highlight.attribute, highlight.value)) {
      fail(
        'highlight',
        `no row of aggregate ${aggregate.id} has ${highlight.attribute} "${highlight.value}".${didYouMean(highlight.value, values) || ` Values: ${some(values)}.`}`,
      );
    }
  }

  const sort = definition.sort;
  if (sort?.by === 'series') {
    if (colour === undefined) fail('sort', 'sort by a series needs "colour:", which splits the chart into series');
    if (!known(colour!, sort.series)) fail('sort', `"${sort.series}" is not a series of this chart; series: ${listed(colour!)}`);
  }
  if (sort?.by === 'order') {
    for (const value of sort.order) if (!known(x, value)) fail('sort', `"${value}" in the sort order is not a value of ${x}; values: ${listed(x)}`);
  }

  for (const column of definition.columns ?? []) {
    const fields = [...aggregate.dimensions, ...aggregate.measures, ...TABLE_FIELDS, ...Object.keys(aggregate.rows[0] ?? {})];
    if (!fields.includes(column.field)) {
      fail('columns', `"${column.field}" is not a column this chart can show.${didYouMean(column.field, fields)} Columns: ${some([...new Set(fields)])}.`);
    }
    if (column.field === 'highlight' && !definition.highlight)
      fail('columns', 'the "highlight" column says which rows are highlighted, but the chart has no "highlight:"');
  }

  const keys = valuesOf(x).map(({ key }) => key);
  const indexOf = (value: AxisValue) => keys.findIndex((key) => namesValue(aggregate, x, key, String(value)));
  const checkX = (value: AxisValue, line: number) => {
    const text = String(value);
    if (time) {
      const ok = x === 'month' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(text) : /^\d{4}$/.test(text);
      if (!ok)
        fail('annotations', `x "${text}" of an annotation must be a ${x === 'month' ? 'month written YYYY-MM, such as 2020-01' : 'year, such as 2020'}`, line);
    } else if (indexOf(value) === -1) {
      fail('annotations', `x "${value}" of an annotation is not a value of ${x}; values: ${listed(x)}`, line);
    }
  };
  // Time values must fall among the months or years drawn, else the mark would stand outside the chart.
  const span = `${keys[0]} to ${keys.at(-1)}`;
  const inSpan = (value: AxisValue) => !time || (String(value) >= keys[0]! && String(value) <= keys.at(-1)!);
  const valueAcross = type === 'bar' || type === 'dot';
  for (const annotation of definition.annotations) {
    if (type === 'table') fail('annotations', 'a table has no axes to annotate', annotation.line);
    if (valueAcross && (annotation.kind === 'range' || annotation.x !== undefined || annotation.y === undefined)) {
      fail(
        'annotations',
        `on a ${type} chart the values run across, so an annotation stands at a value: give it y (a value), not x or a range; ranges and points in time go on column, line and area charts`,
        annotation.line,
      );
    }
    if (annotation.kind === 'range') {
      checkX(annotation.from, annotation.line);
      checkX(annotation.to, annotation.line);
      if (time ? String(annotation.from) > String(annotation.to) : indexOf(annotation.from) > indexOf(annotation.to)) {
        fail('annotations', `a range runs from its start to its end: "from: ${annotation.from}" comes after "to: ${annotation.to}"`, annotation.line);
      }
      if (time && (String(annotation.to) < keys[0]! || String(annotation.from) > keys.at(-1)!)) {
        fail('annotations', `the range from ${annotation.from} to ${annotation.to} is outside the chart, which runs from ${span}`, annotation.line);
      }
    } else if (annotation.x !== undefined) {
      checkX(annotation.x, annotation.line);
      if (!inSpan(annotation.x)) fail('annotations', `x "${annotation.x}" of an annotation is outside the chart, which runs from ${span}`, annotation.line);
    }
  }
  return { definition, aggregate };
}
