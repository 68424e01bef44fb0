"""Helpers shared by the crawl tests: fixture sites, sources files, crawls in a child process."""
