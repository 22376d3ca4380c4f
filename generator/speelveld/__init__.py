"""Speelveld: check and publish integral policy on a playing field of domains.

The pipeline is four pure stages: :mod:`speelveld.loader` reads the YAML
folders, :mod:`speelveld.validate` turns them into typed entities,
:mod:`speelveld.analysis` runs the rules, and the renderers present the result.
"""

__version__ = "0.1.0"
