"""SQLite storage of the user's records: schema migrations, backups, import and export.

Only `Store` (in repository.py) hands out pydantic models; the database and row modules stay
free of pydantic so that read-only commands start fast.
"""
