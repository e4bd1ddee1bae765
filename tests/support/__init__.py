"""Shared test support: build the site once, serve it under its sub-path, launch Chromium."""
