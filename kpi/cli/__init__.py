"""The `kpi` command line: a thin shell over the library."""
