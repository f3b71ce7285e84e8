"""Streamlit dashboard: pages lay out what the core computes; charts are pure functions."""
