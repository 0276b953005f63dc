"""Fault and concurrency drills: what happens to signatures when requests race or parts of the stack fail."""
