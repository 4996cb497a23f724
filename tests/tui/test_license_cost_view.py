"""The Licenses tab shows what each license costs to keep, as `careerpath licenses cost`."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from careerpath.planner.license_cost import license_costs
from careerpath.planner.license_cost_text import cells
from careerpath.reference.loader import load
from careerpath.store.repository import Store

from .conftest import make_app

pytestmark = pytest.mark.anyio


async def test_cost_table_matches_the_planner(sample_home: Path) -> None:
    app = make_app(sample_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#cost-table", DataTable)
        with Store(sample_home) as store:
            expected = license_costs(store.records(), load(), app.today)
        shown = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert shown == [cells(row) for row in expected.licenses]
        table.focus()
        await pilot.press("down")
        await pilot.pause()
        detail = str(app.query_one("#cost-detail", Static).render())
        assert detail.startswith(expected.licenses[1].license)
        assert "If it lapses:" in detail
