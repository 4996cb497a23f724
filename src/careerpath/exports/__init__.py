"""Exports for people and other programs: a calendar, a credential packet, CSV tables.

Each module holds one concept and is pure (records, rules, today, settings in; text out):
`calendar` (iCalendar), `packet` (what goes into the credential packet), `document` (its HTML
and Markdown renderings), `csv_tables` (CSV out, CE activities in). `service` is the glue the
CLI and the TUI call: it reads the store, writes the file atomically and returns a summary.

Nothing here is imported at start-up: `careerpath --help` must not pay for icalendar.
"""
