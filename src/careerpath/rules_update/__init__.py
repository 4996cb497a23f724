"""Newer rules data, downloaded safely; `manifest` describes one copy of the rules data."""
