"""Small facts every floor relies on: canonical JSON (the bytes signed), safe reading and atomic writing of files."""
