"""Reports of the plan: 6-month and year-end, as XLSX and PDF."""
