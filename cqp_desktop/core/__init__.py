"""The Qt-free core: référentiel, rules, clock, storage, reports, signing, packages.

Nothing under this package may import PySide6 (tests/test_architecture.py enforces it).
"""
