"""Kronika's benchmark: a large synthetic archive, render timings and load tests."""
