"""cqp-desktop: offline tool for the professional juries of the CQP COS and GC."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cqp-desktop")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
