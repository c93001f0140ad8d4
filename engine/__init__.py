"""The Road Out's engine. The version is the game's: bundles, archives and `--version` read it."""

__version__ = "0.1.0"
