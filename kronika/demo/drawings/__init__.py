"""Flat drawings for the demo paper, one small function per subject, so that every
article's picture shows what its caption says ("Illustration: …")."""

from kronika.demo.drawings import city, culture, energy, sport, things  # noqa: F401  (they register)
from kronika.demo.drawings.registry import DEMO_SIZE, DRAWINGS, TITLES, render

__all__ = ["DEMO_SIZE", "DRAWINGS", "TITLES", "render"]
