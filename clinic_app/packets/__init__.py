"""Pardon packets: readiness check, rendering, assembly, notices for service, client instructions.

service.py is the entry point (`session.packets`); readiness.py decides what blocks; render.py
draws the parts; assemble.py merges, stamps and writes the manifest; fields.py reads profile
field keys from a matter. Everything stays in memory until the caller writes the result.
"""
