"""The demo, built from a seed (nothing shipped).

``province`` builds one office's database, ``work`` and ``ahead`` add its volunteers' work and
the changes typed in ahead of time, ``national`` builds all 77 provinces for headquarters.
"""
