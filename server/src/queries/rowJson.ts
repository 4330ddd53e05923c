import { type SQL, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * A table row as one JSON object built in SQL (`json_build_object` over the drizzle columns, so a
 * column added to the schema comes along), and its mapping back to the drizzle row type: the
 * nested rows of a list (author, tags, translations) then come in the list's own query.
 */
export function rowJson<T extends PgTable>(
  table: T,
  alias: string,
  omit: readonly (keyof T['_']['columns'])[] = [],
): SQL {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => !omit.includes(key));
  return sql.raw(`json_build_object(${columns.map(([, c]) => `'${c.name}', ${alias}."${c.name}"`).join(', ')})`);
}

/** Maps a `rowJson` object to the row drizzle would return: property names, Dates for timestamps. */
export function fromRowJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, c] of Object.entries(getTableColumns(table))) {
    if (!(c.name in json)) continue;
    const v = json[c.name];
    out[key] = v !== null && c.columnType === 'PgTimestamp' ? new Date(v as string) : v;
  }
  return out as T['$inferSelect'];
}
