"""datasette metadata, plugins and templates that ship with newsarchive."""
