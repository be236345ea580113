"""Headquarters (สำนักงานส่วนกลาง): the package format, reporting states, regions and the
validation rules of the national view. Plain data and rules; no I/O."""
