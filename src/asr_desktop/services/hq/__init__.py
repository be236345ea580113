"""Headquarters mode: making, reading and receiving signed monthly packages, and the
national views over the packages received."""
