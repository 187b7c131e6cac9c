"""The PDF toolkit the reports of both sides are made with (fonts, styles, rendering)."""
