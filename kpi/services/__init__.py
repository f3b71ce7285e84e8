"""Use cases: everything an entry point (CLI, dashboard) runs, over storage and the domain.

`kpi.services.app` is the one composition root: it builds settings, storage and catalogue.
"""
