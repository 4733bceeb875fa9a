import { parse } from 'csv-parse/sync';
import { UserError } from '../errors';

/** Parses a CSV with a header; every bad cell is reported with file, line and column. */
export function readCsv<T>(
  file: string,
  text: string,
  columns: string[],
  row: (cells: Record<string, string>, at: (column: string) => string) => T,
): T[] {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new UserError((error as Error).message, file);
  }
  const header = records[0] ?? [];
  for (const column of columns) {
    if (!header.includes(column))
      throw new UserError(`missing column "${column}" (header: ${header.join(',')})`, `${file}:1`);
  }
  return records.slice(1).map((cells, i) => {
    const line = i + 2;
    const values = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']));
    return row(values, (column) => `${file}:${line}:${header.indexOf(column) + 1} (${column})`);
  });
}

export function numberAt(value: string, where: string): number {
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) throw new UserError(`"${value}" is not a number`, where);
  return n;
}

export function dateAt(value: string, where: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UserError(`"${value}" is not a date YYYY-MM-DD`, where);
  return value;
}
