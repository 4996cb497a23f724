"""The rules data (compacts and per-profession state rules): schema and loading."""
