"""Licenses & certifications: tables with status colours; add, edit (Enter) and remove; and
what each license costs to keep (the planner's license_costs, as `careerpath licenses cost`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from careerpath.planner.license_cost_text import HEADERS, cells, details, total_line
from careerpath.records import Record, expiry_text
from careerpath.tui.session import Session


class LicensesView(Widget):
    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(
                "Licenses  [dim](a add · c add certification · Enter edit · d remove)[/dim]",
                classes="section-title",
            )
            yield DataTable(id="license-table", cursor_type="row", zebra_stripes=True)
            yield Static("Certifications", classes="section-title")
            yield DataTable(id="cert-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                "What each license costs to keep  [dim](unused 2+ years and costliest first)[/dim]",
                classes="section-title",
            )
            yield DataTable(id="cost-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="cost-total")
            yield Static(id="cost-detail")

    def on_mount(self) -> None:
        table = self.query_one("#license-table", DataTable)
        table.add_columns("#", "Prof.", "State", "Kind", "Status", "Expires", "Days")
        certs = self.query_one("#cert-table", DataTable)
        certs.add_columns("#", "Name", "Issuer", "Expires", "Days")
        self.query_one("#cost-table", DataTable).add_columns(*HEADERS)
        self.reload()

    def reload(self) -> None:
        today = self.session.today
        table = self.query_one("#license-table", DataTable)
        table.clear()
        for lic in sorted(self.session.records.licenses, key=lambda x: x.expires or today):
            days = (lic.expires - today).days if lic.expires else None
            table.add_row(
                str(lic.id),
                str(lic.profession),
                lic.jurisdiction,
                lic.kind.value.replace("_", " "),
                _status(lic.status.value, days),
                lic.expires.isoformat() if lic.expires else "-",
                _days(days),
                key=str(lic.id),
            )
        certs = self.query_one("#cert-table", DataTable)
        certs.clear()
        for cert in self.session.records.certifications:
            days = (cert.expiry - today).days if cert.expiry else None
            certs.add_row(
                str(cert.id),
                cert.name,
                cert.issuer or "-",
                expiry_text(cert.expires, "-"),
                _days(days),
                key=str(cert.id),
            )
        self._reload_costs()

    def _reload_costs(self) -> None:
        report = self.session.license_costs()
        table = self.query_one("#cost-table", DataTable)
        table.clear()
        for index, row in enumerate(report.licenses):
            table.add_row(*cells(row), key=str(index))
        self.query_one("#cost-total", Static).update(Text(total_line(report)))
        self._show_cost(0)

    def _show_cost(self, index: int) -> None:
        rows = self.session.license_costs().licenses
        text = "\n".join(details(rows[index])) if 0 <= index < len(rows) else ""
        self.query_one("#cost-detail", Static).update(Text(text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "cost-table":
            self._show_cost(event.cursor_row)

    def selected(self) -> Record | None:
        """The highlighted row of the table that has (or last had) focus."""
        certs = self.query_one("#cert-table", DataTable)
        table = certs if certs.has_focus else self.query_one("#license-table", DataTable)
        if self.query_one("#cost-table", DataTable).has_focus:
            return None
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        records = self.session.records
        pool: list[Record] = [*(records.certifications if table is certs else records.licenses)]
        return next((r for r in pool if str(getattr(r, "id", None)) == key), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "cost-table":
            return
        self.app.action_edit()  # type: ignore[attr-defined]


def _status(status: str, days: int | None) -> Text:
    if status != "active" or (days is not None and days < 0):
        return Text(status if status != "active" else "expired", style="bold red")
    if days is not None and days <= 90:
        return Text("renew soon", style="yellow")
    return Text(status, style="green")


def _days(days: int | None) -> Text:
    if days is None:
        return Text("-")
    style = "bold red" if days < 0 else "yellow" if days <= 90 else ""
    return Text(str(days), style=style)
