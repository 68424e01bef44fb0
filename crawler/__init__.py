"""The newsarchive Scrapy project: discovery, polite fetching, extraction, normalisation."""
