"""The Qt Widgets front end. Depends on the core; the core never depends on it."""
