"""cqp-desktop: offline tool for the professional juries of the CQP COS and GC.

`__version__` is the single source of the version: pyproject.toml reads it (setuptools dynamic), and
reading it here costs nothing at start-up (importlib.metadata would cost ~16 ms).
"""

__version__ = "0.1.0"
