"""CLI command handlers: thin layers that parse, call the store or planner, and print."""
