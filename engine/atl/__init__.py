"""ATL, Ren'Py's animation and transformation language, as declarative data (no pygame).

The story runtime keeps, for each sprite on stage, the transforms it is shown `at` (by
name, with literal arguments) and any inline ATL block, compiled to plain data. The
evaluator here turns those, and the time since the sprite was shown, into a Placement:
where and how the renderer draws the sprite. See placement.py for the contract.
"""

from .placement import Placement

__all__ = ["Placement"]
