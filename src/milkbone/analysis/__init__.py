"""Statistics on participant-level frames and re-analyses of published numbers."""

from milkbone.analysis import clinical, design, mirror, reanalysis

__all__ = ["clinical", "design", "mirror", "reanalysis"]
