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

/** Each table's columns as (property, SQL name, is a timestamp), computed once: lists map many rows. */
const plans = new WeakMap<PgTable, readonly (readonly [string, string, boolean])[]>();
function planOf(table: PgTable) {
  let plan = plans.get(table);
  if (!plan) {
    plan = Object.entries(getTableColumns(table)).map(
      ([key, c]) => [key, c.name, c.columnType === 'PgTimestamp'] as const,
    );
    plans.set(table, plan);
  }
  return plan;
}

/** Maps a `rowJson` object to the row drizzle would return: property names, Dates for timestamps. */
export function fromRowJson<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, name, timestamp] of planOf(table)) {
    const v = json[name];
    if (v === undefined) continue;
    out[key] = v !== null && timestamp ? new Date(v as string) : v;
  }
  return out as T['$inferSelect'];
}
