"""Workbooks for headquarters (openpyxl): filled from .xlsx templates, written streaming."""
