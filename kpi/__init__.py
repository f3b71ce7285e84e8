"""KPI Monitor domain: catalogue, periods, progress math and storage."""

__all__ = ["__version__"]
__version__ = "0.1.0"
