"""A datasette facet "has copies": how many of the listed articles have near-duplicates, and a filter on it."""

from __future__ import annotations

from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

#: facet value -> the datasette filter (column suffix, value) that selects it
CHOICES = {"yes": ("gt", "0"), "no": ("exact", "0")}


class HasCopiesFacet(Facet):
    """`{"has_copies": "copies"}` in a table's facets: articles with and without near-duplicate copies."""

    type = "has_copies"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            col = escape_sqlite(column)
            # Two counts rather than one sum over every row: unfiltered, each is a walk of the copies index.
            sql = (f"select (select count(*) from ({self.sql}) where {col} > 0), "
                   f"(select count(*) from ({self.sql}) where {col} = 0)")
            try:
                row = (await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))).first()
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = []
            for (label, (op, value)), count in zip(CHOICES.items(), row, strict=True):
                key = f"{column}__{op}"
                selected = args.get(key) == value
                path = (path_with_removed_args(self.request, {key: value}) if selected
                        else path_with_added_args(self.request, {key: value}))
                if count or selected:
                    values.append({"value": label, "label": label, "count": count,
                                   "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected})
            results.append({"name": "has_copies", "type": self.type, "results": values,
                            "hideable": config["source"] != "metadata",
                            "toggle_url": path_with_removed_args(self.request, {"_facet_has_copies": column}),
                            "truncated": False})
        return results, timed_out
