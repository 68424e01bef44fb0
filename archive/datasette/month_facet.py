"""A datasette facet that counts rows per month of an ISO 8601 date column, newest month first."""

from __future__ import annotations

from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

#: How long the index walk may take before the facet falls back to grouping every row.
SKIP_SCAN_LIMIT_MS = 25  # above 20 ms: datasette checks the limit after every VM step at 20 ms or less


def skip_scan_sql(sql: str, column: str, limit: int) -> str:
    """Months found by jumping through an index on `column`, each counted over its index range.

    On an unfiltered table (or one filtered through indexes) this reads each month's range once and
    sorts nothing: 2-3 ms at 100 k articles against about 20-40 ms for GROUP BY substr(...). Over
    rows that no index finds (a full-text search) every jump re-runs the query, hence the time limit.
    """
    return f"""with recursive months(month) as (
      select substr(max({column}), 1, 7) from ({sql})
      union all
      select (select substr(max({column}), 1, 7) from ({sql}) where {column} < month)
      from months where month is not null limit {limit}
    )
    select month as value,
           (select count(*) from ({sql}) where {column} >= month and {column} < month || '-99') as count
    from months where month is not null order by value desc"""


def group_by_sql(sql: str, column: str, limit: int) -> str:
    """Months by grouping every row: one pass and a sort, whatever the rows are."""
    return (f"select substr({column}, 1, 7) as value, count(*) as count from ({sql}) "
            f"where {column} is not null group by value order by value desc limit {limit}")


class MonthFacet(Facet):
    """`{"month": "published"}` in a table's facets; selecting a month filters `published__startswith`."""

    type = "month"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def _months(self, column: str, limit: int) -> list[Any]:
        col = escape_sqlite(column)
        # Full-text search results are rows no index finds: walking the index would re-run the search.
        if not any(key.startswith("_search") for key in self.request.args):
            try:
                return await self._rows(skip_scan_sql(self.sql, col, limit), SKIP_SCAN_LIMIT_MS)
            except QueryInterrupted:
                pass
        return await self._rows(group_by_sql(self.sql, col, limit), self.ds.setting("facet_time_limit_ms"))

    async def _rows(self, sql: str, time_limit_ms: int) -> list[Any]:
        results = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                        custom_time_limit=time_limit_ms)
        return list(results.rows)

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            try:
                rows = await self._months(column, size + 1)
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows[:size]:
                selected = args.get(key) == row["value"]
                path = (path_with_removed_args(self.request, {key: row["value"]}) if selected
                        else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected})
            results.append({"name": column, "type": self.type, "results": values,
                            "hideable": config["source"] != "metadata",
                            "toggle_url": path_with_removed_args(self.request, {"_facet_month": column}),
                            "truncated": len(rows) > size})
        return results, timed_out
