"""Importing an office's existing roster from .xlsx, .xls or .csv.

read the file (reading.py) → find the header and map columns (headers.py) → read each
row's values as people typed them (cells.py, addresses.py) → an :class:`ImportPlan` the
user previews (plan.py) → commit the valid rows in one transaction (commit.py).
"""
