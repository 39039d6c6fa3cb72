"""Adapters that drive a static-site builder; the rest of the package never imports one."""
