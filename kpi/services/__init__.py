"""Use cases every entry point runs (CLI, dashboard)."""
