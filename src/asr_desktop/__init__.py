"""อสร. Desktop: the labour-volunteer register of a Provincial Labour Office."""

__version__ = "0.1.0"
