"""`make bench`: measured speed and load/fault drills on the production stack (see bench/run.py)."""
