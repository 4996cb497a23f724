"""The answers users come for, as pure functions of (records, rules data, today).

Nothing here reads the clock, the database or the terminal: the CLI and the TUI pass `today`
in and render the pydantic results these functions return.
"""
