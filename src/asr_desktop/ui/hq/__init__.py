"""Headquarters mode (สำนักงานส่วนกลาง): the window and its pages over a national database."""
