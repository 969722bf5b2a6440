"""Everything that knows MkDocs, Material for MkDocs or mkdocs-static-i18n. Moving to another generator replaces
this folder alone; nothing outside it imports it (tests/test_layers.py).
"""
