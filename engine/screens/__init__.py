"""The concrete screens, one small module each. Each imports only the screen protocol
(engine/present/screen.py) and the layers below it, never the app; `registry.py` maps
their names to classes, and only the composition root (engine/present/app.py) reads it.
"""
