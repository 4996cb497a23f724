"""The terminal UI. Only this package imports Textual; it renders the planner's answers."""
