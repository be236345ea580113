"""Headquarters' SQL: the national database (its own kind of file) and the provincial
queries that feed the monthly package."""
