"""Pictures of results: PyVista (off screen) maps and matplotlib traces.

PyVista and matplotlib are imported when a function is called, not at import.
"""
